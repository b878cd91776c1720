package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@code PluginHost.reload}: whether the new generation took over, the findings that decided it,
 * and the unload report of the generation it replaced.
 *
 * @param pluginId    the plugin id
 * @param path        the jar the new generation was read from
 * @param fromVersion the version that was serving before
 * @param toVersion   the version of the new jar (as its descriptor says; also when it failed)
 * @param reloaded    true when the new generation serves now; false when the old one still does
 * @param findings    the new generation's findings; when {@code reloaded} is false they say why
 * @param unload      the old generation's unload report; null when it was not replaced
 */
public record ReloadReport(String pluginId, Path path, String fromVersion, String toVersion, boolean reloaded,
                           List<Finding> findings, UnloadReport unload) {

    /** Copies the findings. */
    public ReloadReport {
        findings = List.copyOf(findings);
    }

    /** The old generation's unload report, when it was replaced. */
    public Optional<UnloadReport> unloadReport() {
        return Optional.ofNullable(unload);
    }
}
