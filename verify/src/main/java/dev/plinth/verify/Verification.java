package dev.plinth.verify;

import java.util.List;
import java.util.Objects;

/**
 * The findings of one verification with what it read from the host to reach them.
 *
 * @param findings  every finding, as {@link Verifier#verify(PluginArchive, List)} returns them
 * @param hostReads the host's answers the findings depend on
 */
public record Verification(List<Finding> findings, HostReads hostReads) {

    /** Copies the findings. */
    public Verification {
        findings = List.copyOf(findings);
        Objects.requireNonNull(hostReads, "hostReads == null");
    }
}
