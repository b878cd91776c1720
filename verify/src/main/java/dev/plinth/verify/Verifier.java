package dev.plinth.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks plugin archives against a host before any plugin class is defined: pure functions, jars in, findings out.
 *
 * <h2>Threading</h2>
 * Immutable; {@link #verify} may be called from several threads at once.
 */
public final class Verifier {
    private final HostApi host;
    private final HostClasses hostClasses;
    private final List<Check> checks;

    private Verifier(HostApi host, List<Check> checks) {
        this.host = host;
        this.hostClasses = new HostClasses(host);
        this.checks = checks;
    }

    /** A verifier running every check against this host. */
    public static Verifier forHost(HostApi host) {
        Objects.requireNonNull(host, "host == null");
        return new Verifier(host, List.of(new ClassVersionCheck(), new BundledHostApiCheck(), new LinkageCheck(),
                new MissingImplementationCheck(), new EntryPointCheck(), new StaticInitCheck(), new SystemExitCheck(),
                new ThreadLeakCheck(), new NativePlatformCheck()));
    }

    /** The host this verifier checks against. */
    public HostApi host() {
        return host;
    }

    /**
     * Every finding for one archive: those from reading it, then those of each check. An unreadable archive is not
     * analysed further.
     */
    public List<Finding> verify(PluginArchive archive) {
        Objects.requireNonNull(archive, "archive == null");
        List<Finding> findings = new ArrayList<>(archive.findings());
        if (archive.isUnreadable()) {
            return List.copyOf(findings);
        }
        ClassSpace classes = new ClassSpace(archive, hostClasses);
        for (Check check : checks) {
            check.run(classes, findings);
        }
        String id = archive.descriptor().id();
        return findings.stream().map(f -> f.plugin().equals(id) ? f : f.withPlugin(id)).toList();
    }
}
