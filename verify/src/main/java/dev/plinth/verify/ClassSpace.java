package dev.plinth.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classes one plugin sees, looked up the way its class loader will: classes of shared packages from the host
 * only, JDK classes from the JDK, everything else from the plugin jar first, then from the host (its libraries and the JDK).
 *
 * <p>Plugin classes are parsed in full (with their code's references) once, on first use. Multi-release jars are
 * read at their base entries; a class that exists only under {@code META-INF/versions} uses its highest version
 * this JVM would read.
 *
 * <h2>Threading</h2>
 * Not thread-safe: one instance serves the checks of one {@link Verifier#verify} call.
 */
final class ClassSpace {
    private final PluginArchive archive;
    private final HostClasses host;
    private final int runtimeRelease;
    private Map<String, ClassModel> plugin;
    private final Map<String, String> unparseable = new LinkedHashMap<>();
    private final Map<String, HostClasses.Found> found = new HashMap<>(); // names recur: ask the loaders once
    private final Map<ClassModel.Ref, ClassModel.Member> targets = new HashMap<>();
    private Reachability reachability;
    private SinkCalls sinkCalls;
    private java.util.Set<String> pluginPackages;
    private final HostReads reads = HostReads.recording();
    private final SharedNames names = new SharedNames(); // one instance per name in the jar's classes

    private final List<PluginArchive> dependencies;
    private final Map<String, PluginArchive> dependencyOf = new HashMap<>();
    private final Map<String, HostClasses.Found> dependencyClasses = new HashMap<>();

    ClassSpace(PluginArchive archive, HostClasses host) {
        this(archive, host, List.of());
    }

    /** The classes of {@code archive}, which sees its {@code dependencies}' classes (nearest first) before its own. */
    ClassSpace(PluginArchive archive, HostClasses host, List<PluginArchive> dependencies) {
        this.archive = archive;
        this.host = host;
        this.runtimeRelease = JavaVersions.running();
        this.dependencies = List.copyOf(dependencies);
    }

    /** The plugins this one depends on, nearest first. */
    List<PluginArchive> dependencies() {
        return dependencies;
    }

    /** The dependency a class was found in, if it was found in one. */
    java.util.Optional<PluginArchive> dependencyOf(String internalName) {
        find(internalName);
        return java.util.Optional.ofNullable(dependencyOf.get(internalName));
    }

    PluginArchive archive() {
        return archive;
    }

    HostApi host() {
        return host.api();
    }

    /** Whether the JDK itself has this class (internal name). */
    boolean isJdk(String internalName) {
        return host.isJdk(internalName);
    }

    /** What this plugin's checks have asked the host so far, and its answers. */
    HostReads hostReads() {
        return reads;
    }

    /** The host's class file of a binary name (its API, its libraries, the JDK), if any; recorded. */
    Optional<byte[]> hostClassFile(String binaryName) {
        String internalName = binaryName.replace('.', '/');
        if (host.digest(internalName).equals(HostReads.ABSENT)) { // remembered: most classes a plugin has are not
            reads.classFile(internalName, HostReads.ABSENT);
            return Optional.empty();
        }
        Optional<byte[]> bytes = host.api().classFile(binaryName);
        reads.classFile(binaryName.replace('.', '/'), bytes.map(HostReads::digest).orElse(HostReads.ABSENT));
        return bytes;
    }

    private HostClasses.Found hostFind(String internalName) {
        HostClasses.Found found = host.find(internalName);
        reads.classFile(internalName, host.digest(internalName));
        return found;
    }

    /** The plugin's own classes that its loader would define (shared packages excluded), by internal name. */
    Map<String, ClassModel> pluginClasses() {
        if (plugin == null) {
            plugin = new LinkedHashMap<>();
            archive.classes().keySet().stream().sorted().filter(n -> !host.api().isShared(n)).forEach(n -> {
                PluginArchive.ClassEntry entry = entryOf(n);
                if (entry == null) {
                    return;
                }
                try {
                    ClassModel model = ClassParser.full(entry.bytes(), names);
                    plugin.put(model.name(), model);
                } catch (IllegalArgumentException e) {
                    unparseable.put(entry.entry(), e.getMessage());
                }
            });
        }
        return plugin;
    }

    /** Class-file entries that could not be parsed, with the reason; they are not analysed. */
    Map<String, String> unparseable() {
        pluginClasses();
        return unparseable;
    }

    /** What {@link Linker#target} found for each call: several checks ask it of every call site. */
    Map<ClassModel.Ref, ClassModel.Member> targets() {
        return targets;
    }

    /** The calls that may end the JVM or create threads, found once for the checks that look for them. */
    SinkCalls sinkCalls() {
        if (sinkCalls == null) {
            sinkCalls = new SinkCalls(pluginClasses());
        }
        return sinkCalls;
    }

    /** What the plugin's entry points reach, computed once for every check. */
    Reachability reachability() {
        if (reachability == null) {
            reachability = Reachability.of(this);
        }
        return reachability;
    }

    /**
     * Whether the plugin or the host has any class in a package (internal name): a class missing from a package
     * that exists is a version skew, a class of a package that exists nowhere an absent (often optional) library.
     */
    boolean hasPackage(String internalPackage) {
        if (pluginPackages == null) {
            pluginPackages = new java.util.HashSet<>();
            List<PluginArchive> jars = new ArrayList<>(dependencies);
            jars.add(archive);
            for (PluginArchive jar : jars) {
                for (String binary : jar.classes().keySet()) {
                    int dot = binary.lastIndexOf('.');
                    if (dot > 0) {
                        pluginPackages.add(binary.substring(0, dot).replace('.', '/'));
                    }
                }
            }
        }
        if (pluginPackages.contains(internalPackage)) {
            return true;
        }
        boolean hosts = host.hasPackage(internalPackage);
        reads.hasPackage(internalPackage, hosts);
        return hosts;
    }

    /** Looks a class up by internal name as the plugin's class loader would. */
    HostClasses.Found find(String internalName) {
        HostClasses.Found known = found.get(internalName);
        if (known == null) {
            known = lookUp(internalName);
            found.put(internalName, known);
        }
        return known;
    }

    private HostClasses.Found lookUp(String internalName) {
        String binary = internalName.replace('/', '.');
        if (!host.api().isShared(binary) && !dependencies.isEmpty() && !host.isJdk(internalName)) {
            HostClasses.Found inDependency = inDependencies(internalName, binary);
            if (inDependency != null) {
                return inDependency;
            }
        }
        if (!host.api().isShared(binary)) {
            ClassModel own = pluginClasses().get(internalName);
            if (own != null && !host.isJdk(internalName)) {
                return new HostClasses.Found(own, HostClasses.Origin.PLUGIN, null);
            }
            PluginArchive.ClassEntry entry = entryOf(binary);
            if (entry != null) {
                return new HostClasses.Found(null, HostClasses.Origin.PLUGIN, unparseable.get(entry.entry()));
            }
        }
        return hostFind(internalName);
    }

    private HostClasses.Found inDependencies(String internalName, String binary) {
        if (dependencyClasses.containsKey(internalName)) {
            return dependencyClasses.get(internalName);
        }
        HostClasses.Found found = null;
        for (PluginArchive d : dependencies) {
            PluginArchive.ClassEntry entry = entryOf(d, binary);
            if (entry != null) {
                try {
                    found = new HostClasses.Found(ClassParser.header(entry.bytes()), HostClasses.Origin.DEPENDENCY,
                            null);
                } catch (IllegalArgumentException e) {
                    found = new HostClasses.Found(null, HostClasses.Origin.DEPENDENCY, e.getMessage());
                }
                dependencyOf.put(internalName, d);
                break;
            }
        }
        dependencyClasses.put(internalName, found);
        return found;
    }

    /**
     * Looks up a supertype or member owner as the loader of {@code requester} would: a host class sees only the
     * host, never the plugin; a dependency's class sees the dependencies and the host, not the dependent.
     */
    HostClasses.Found find(String internalName, HostClasses.Origin requester) {
        if (requester == HostClasses.Origin.HOST) {
            return hostFind(internalName);
        }
        if (requester == HostClasses.Origin.DEPENDENCY && !host.api().isShared(internalName.replace('/', '.'))) {
            HostClasses.Found inDependency = inDependencies(internalName, internalName.replace('/', '.'));
            return inDependency != null ? inDependency : hostFind(internalName);
        }
        return find(internalName);
    }

    /** The model of a class wherever it is found, if it can be read. */
    Optional<ClassModel> model(String internalName) {
        return Optional.ofNullable(find(internalName).model());
    }

    private PluginArchive.ClassEntry entryOf(String binaryName) {
        return entryOf(archive, binaryName);
    }

    private PluginArchive.ClassEntry entryOf(PluginArchive jar, String binaryName) {
        List<PluginArchive.ClassEntry> versions = jar.classes().getOrDefault(binaryName, List.of());
        Optional<PluginArchive.ClassEntry> base = versions.stream().filter(c -> c.release() == 0).findFirst();
        if (base.isPresent()) {
            return base.get();
        }
        return new ArrayList<>(versions).stream().filter(c -> c.release() <= runtimeRelease)
                .max(Comparator.comparingInt(PluginArchive.ClassEntry::release)).orElse(null);
    }
}
