package dev.plinth.cli;

import dev.plinth.verify.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the doctor found for one plugin path.
 *
 * @param id       the plugin id; derived from the file name when the jar could not be read
 * @param version  the plugin version, or empty when unknown
 * @param path     the jar, absolute (links resolved when it exists)
 * @param sha256   lower-case hex SHA-256 of the jar, or empty when it could not be read
 * @param findings every finding, in the verifier's order
 */
record PluginReport(String id, String version, Path path, String sha256, List<Finding> findings) {
    PluginReport {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(version, "version == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(sha256, "sha256 == null");
        findings = List.copyOf(findings);
    }
}
