package dev.plinth.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks plugin archives against a host before any plugin class is defined: pure functions, jars in, findings out.
 *
 * <h2>Threading</h2>
 * Immutable; {@link #verify} may be called from several threads at once.
 */
public final class Verifier {
    private final HostApi host;
    private final HostClasses hostClasses;
    private volatile List<Check> checks;

    private Verifier(HostApi host) {
        this.host = host;
        this.hostClasses = new HostClasses(host);
    }

    /** A verifier running every check against this host. */
    public static Verifier forHost(HostApi host) {
        return new Verifier(Objects.requireNonNull(host, "host == null"));
    }

    /**
     * The checks, made when the first plugin is verified: a host whose plugins all come from its verification cache
     * only asks {@link #answersAlike}, and loading a dozen check classes was a part of its start.
     */
    private List<Check> checks() {
        List<Check> made = checks;
        if (made == null) { // a race makes two lists of stateless checks: harmless
            made = List.of(new ClassVersionCheck(), new BundledHostApiCheck(), new LinkageCheck(),
                    new MissingImplementationCheck(), new EntryPointCheck(), new StaticInitCheck(),
                    new SystemExitCheck(), new ThreadLeakCheck(), new NativePlatformCheck(), new HostShadowCheck(),
                    new DependencyShadowCheck());
            checks = made;
        }
        return made;
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
        return verify(archive, List.of());
    }

    /**
     * Every finding for one archive that depends on other plugins: its references resolve against the classes of
     * {@code dependencies} (nearest first, as {@link DependencyGraph#visible} lists them) before its own jar, as its
     * class loader will resolve them, so a member missing from the version of a dependency that is deployed is
     * found here.
     */
    public List<Finding> verify(PluginArchive archive, List<PluginArchive> dependencies) {
        return verification(archive, dependencies).findings();
    }

    /**
     * {@link #verify(PluginArchive, List)}, with what it asked the host and whether calls into the plugin must set
     * the thread context class loader ({@link ContextLoaderSwitch}): given the same archive, dependencies, shared
     * packages, Plinth and JVM, a host for which {@link #answersAlike} holds would be given the same findings and
     * the same judgement.
     */
    public Verification verification(PluginArchive archive, List<PluginArchive> dependencies) {
        Objects.requireNonNull(archive, "archive == null");
        Objects.requireNonNull(dependencies, "dependencies == null");
        for (PluginArchive a : concat(archive, dependencies)) {
            if (a.outline()) {
                throw new IllegalArgumentException(a.path() + ": an outline cannot be verified; verify what"
                        + " PluginArchive.read or PluginArchive.complete() returns");
            }
        }
        List<Finding> findings = new ArrayList<>(archive.findings());
        if (archive.isUnreadable()) {
            return new Verification(findings, HostReads.of(Map.of(), Map.of()),
                    ContextLoaderSwitch.needed(archive.path().getFileName() + ": the jar could not be read"));
        }
        ClassSpace classes = new ClassSpace(archive, hostClasses, dependencies);
        for (Check check : checks()) {
            try {
                check.run(classes, findings);
            } catch (RuntimeException e) {
                // a check must never take the caller down; malformed input it did not expect is a finding
                findings.add(Finding.warning(FindingCode.CORRUPT_JAR, archive.descriptor().id(),
                        Location.of(archive.path()), archive.path().getFileName() + ": the "
                                + check.getClass().getSimpleName() + " failed on malformed input (" + e
                                + "); its findings for this jar are incomplete", "if the JVM loads this jar, report"
                                + " it to Plinth with the jar attached"));
            }
        }
        ContextLoaderSwitch contextLoader = contextLoaderSwitch(classes);
        String id = archive.descriptor().id();
        return new Verification(findings.stream().map(f -> f.plugin().equals(id) ? f : f.withPlugin(id))
                .map(f -> inLibrary(f, archive)).toList(), classes.hostReads().frozen(), contextLoader);
    }

    /** The analysis never takes the caller down either: malformed input it did not expect keeps the switch. */
    private static ContextLoaderSwitch contextLoaderSwitch(ClassSpace classes) {
        try {
            return ContextLoaderAnalysis.of(classes);
        } catch (RuntimeException e) {
            return ContextLoaderSwitch.needed(classes.archive().path().getFileName() + ": the analysis failed on"
                    + " malformed input (" + e + ")");
        }
    }

    private static List<PluginArchive> concat(PluginArchive first, List<PluginArchive> rest) {
        List<PluginArchive> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    /**
     * Whether this verifier's host answers every question in {@code reads} as it was answered: each class file
     * with the same bytes (or still none), each package still present or absent. Classes of {@code java.*} packages
     * are not read again: only the JDK defines them, so they are the same on the same JDK build, which the caller
     * must make sure of (the runtime's verification cache has it in its key).
     *
     * @throws java.io.UncheckedIOException when the host cannot read a class file
     */
    public boolean answersAlike(HostReads reads) {
        Objects.requireNonNull(reads, "reads == null");
        for (Map.Entry<String, String> read : reads.classFiles().entrySet()) { // classes first: they add packages
            if (read.getKey().startsWith("java/")) { // reading and hashing them was most of a cached start's time
                continue;
            }
            if (!hostClasses.digestNow(read.getKey()).equals(read.getValue())) {
                return false;
            }
        }
        for (Map.Entry<String, Boolean> read : reads.packages().entrySet()) {
            if (hostClasses.hasPackage(read.getKey()) != read.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** A finding at a class of a library the plugin carries names that library's entry: {@code lib/x.jar!/...}. */
    private static Finding inLibrary(Finding f, PluginArchive archive) {
        Location at = f.location();
        if (at == null || at.type() == null || !at.file().equals(archive.path())) {
            return f;
        }
        return archive.baseClass(at.type()).filter(c -> c.entry().contains("!/"))
                .map(c -> new Finding(f.code(), f.severity(), f.plugin(), new Location(at.file(), c.entry(),
                        at.type(), at.member()), f.message(), f.fix())).orElse(f);
    }

    /**
     * Findings that need several archives at once: two or more jars declaring one plugin id are each an error
     * ({@code duplicate-plugin-id}) naming every jar's absolute path, because a registry keyed by id must never let
     * the last one win. The same class name in two plugins is <em>not</em> reported: each plugin has its own class
     * loader, so both copies work.
     */
    public static List<Finding> crossCheck(List<PluginArchive> archives) {
        Objects.requireNonNull(archives, "archives == null");
        Map<String, List<PluginArchive>> byId = new TreeMap<>();
        for (PluginArchive a : archives) { // a loop: every host start runs this once, in a JVM just started
            List<PluginArchive> same = byId.get(a.descriptor().id());
            if (same == null) {
                same = new ArrayList<>(1);
                byId.put(a.descriptor().id(), same);
            }
            same.add(a);
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<PluginArchive>> e : byId.entrySet()) {
            String id = e.getKey();
            List<PluginArchive> same = e.getValue();
            if (same.size() < 2) {
                continue;
            }
            same.sort(Comparator.comparing(PluginArchive::path));
            List<String> paths = same.stream().map(a -> a.path().toString()).toList();
            String listed = paths.size() == 2 ? paths.get(0) + " and " + paths.get(1)
                    : paths.subList(0, paths.size() - 1).stream().collect(Collectors.joining(", "))
                    + " and " + paths.get(paths.size() - 1);
            for (PluginArchive a : same) {
                findings.add(Finding.error(FindingCode.DUPLICATE_PLUGIN_ID, id, Location.of(a.path()),
                        id + ": plugin id declared by " + listed,
                        "give each jar its own Plugin-Id" + (a.descriptor().idDerived() ? " (this one is derived"
                                + " from the file name)" : "") + ", or remove all but one of them"));
            }
        }
        return List.copyOf(findings);
    }
}
