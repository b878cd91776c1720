package dev.plinth.verify;

import java.util.List;
import java.util.Objects;

/**
 * The findings of one verification with what it read from the host to reach them.
 *
 * @param findings            every finding, as {@link Verifier#verify(PluginArchive, List)} returns them
 * @param hostReads           the host's answers the findings (and the switch) depend on
 * @param contextLoaderSwitch whether calls into the plugin must set the thread context class loader to its loader
 */
public record Verification(List<Finding> findings, HostReads hostReads, ContextLoaderSwitch contextLoaderSwitch) {

    /** Copies the findings. */
    public Verification {
        findings = List.copyOf(findings);
        Objects.requireNonNull(hostReads, "hostReads == null");
        Objects.requireNonNull(contextLoaderSwitch, "contextLoaderSwitch == null");
    }

    /** A verification that did not judge the context class loader: calls keep switching it. */
    public Verification(List<Finding> findings, HostReads hostReads) {
        this(findings, hostReads, ContextLoaderSwitch.needed("not analysed"));
    }
}
