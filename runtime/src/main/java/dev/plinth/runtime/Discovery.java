package dev.plinth.runtime;

import dev.plinth.verify.ContextLoaderSwitch;
import dev.plinth.verify.Dependency;
import dev.plinth.verify.DependencyGraph;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import dev.plinth.verify.Lockfile;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.PluginLayout;
import dev.plinth.verify.Verification;
import dev.plinth.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the plugin jars, reads and verifies each, and settles which may load: the plan. Defines no class and runs
 * no plugin code.
 */
final class Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostConfig config;
    private final Verifier verifier;
    private final ShadowStore shadows;
    private final List<Finding> hostFindings = new ArrayList<>();
    private final Set<String> disabled = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Plugins planned from now on with this id end {@code DISABLED}, or no longer do. */
    void disabled(String id, boolean disable) {
        if (disable) {
            disabled.add(id);
        } else {
            disabled.remove(id);
        }
    }

    /** {@code verifier} is null when the host verifies nothing ({@link HostConfig#verify()} off). */
    Discovery(HostConfig config, Verifier verifier) {
        this.config = config;
        this.verifier = verifier;
        this.shadows = new ShadowStore(config.shadowDirectory(), config.sharedShadows());
        this.disabled.addAll(config.disabled());
    }

    /** The store of the copies plugins are read from and load from. */
    ShadowStore shadows() {
        return shadows;
    }

    /** Host-level findings: paths that did not resolve. */
    List<Finding> hostFindings() {
        return hostFindings;
    }

    /**
     * One record per jar found, {@code RESOLVED} or {@code FAILED}: those that may load first, every plugin after
     * the plugins it depends on, then the refused ones in path order. Dependencies are resolved
     * ({@link DependencyGraph}) before verification, so each plugin is verified against the dependencies it
     * resolved to; a plugin whose dependency is refused is refused too, saying why.
     */
    List<PluginRecord> plan() {
        // copying, reading and verifying are thread-safe and partly wait on files: startThreads at once (the common
        // pool has one thread fewer than the cores); the order of the jars is kept
        List<PluginArchive> archives = inParallel(List.copyOf(jars()), this::read);
        DependencyGraph graph = DependencyGraph.resolve(archives, config.hostVersion());
        List<PluginRecord> records = inParallel(archives, a -> verified(a, graph));
        refuseDuplicateIds(records, archives);
        requireKnownIds(records);
        // loops, not streams and lambdas, on the start path: each lambda links a call site on first use, in a JVM
        // that has just started
        Map<String, Finding> refused = new LinkedHashMap<>();
        Map<String, List<PluginRecord>> byId = new HashMap<>(); // duplicate ids: several records under one id
        for (PluginRecord r : records) {
            List<PluginRecord> same = byId.get(r.id());
            if (same == null) {
                same = new ArrayList<>(1);
                byId.put(r.id(), same);
            }
            same.add(r);
            if (disabled.contains(r.id())) { // the reason its dependents are given, not a finding of its own
                refused.put(r.id(), Finding.info(FindingCode.DEPENDENCY_MISSING, r.id(), Location.of(r.path), r.id()
                        + " is disabled by the host", ""));
                continue;
            }
            Finding error = firstError(r.snapshot().findings());
            if (error != null) {
                refused.putIfAbsent(r.id(), error);
            }
        }
        for (Map.Entry<String, Finding> e : graph.refusedWith(refused).entrySet()) {
            Optional<PluginArchive> plugin = graph.plugin(e.getKey());
            for (PluginRecord r : byId.getOrDefault(e.getKey(), List.of())) {
                if (plugin.isPresent() && plugin.get().path().equals(r.path)) {
                    r.add(List.of(e.getValue()));
                }
            }
        }
        Set<Finding> logged = new HashSet<>(); // a duplicate-plugin-id finding is on both records: log it once
        for (PluginRecord r : records) {
            settle(r, logged);
        }
        List<PluginRecord> ordered = new ArrayList<>(records.size());
        Set<PluginRecord> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String id : graph.order()) { // dependencies first; then the rest in the order of the jars
            for (PluginRecord r : byId.getOrDefault(id, List.of())) {
                if (r.state() == PluginState.RESOLVED && placed.add(r)) {
                    ordered.add(r);
                }
            }
        }
        for (PluginRecord r : records) {
            if (placed.add(r)) {
                ordered.add(r);
            }
        }
        return ordered;
    }

    private static Finding firstError(List<Finding> findings) {
        for (Finding f : findings) {
            if (f.isError()) {
                return f;
            }
        }
        return null;
    }

    private <T, R> List<R> inParallel(List<T> items, java.util.function.Function<T, R> work) {
        if (items.size() < 2 || config.startThreads() < 2) {
            return items.stream().map(work).toList();
        }
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(config.startThreads());
        try {
            return pool.submit(() -> items.parallelStream().map(work).toList()).join();
        } finally {
            pool.shutdown();
        }
    }

    /** Isolation settings name plugins that exist: a mistyped id would leave its plugin in process silently. */
    private void requireKnownIds(List<PluginRecord> records) {
        Set<String> ids = new java.util.TreeSet<>();
        records.forEach(r -> ids.add(r.id()));
        requireKnown("isolation", config.isolationByPlugin().keySet(), ids);
        requireKnown("processOptions", config.processOptionsByPlugin().keySet(), ids);
    }

    private static void requireKnown(String setting, Set<String> named, Set<String> ids) {
        for (String id : named) {
            if (!ids.contains(id)) {
                throw new UnknownPluginIdException(setting, id, ids);
            }
        }
    }

    /** A record for one more jar that depends on no loaded plugin. */
    PluginRecord planOne(Path jar) {
        return planOne(jar, id -> Optional.empty());
    }

    /**
     * A record for one more jar (a reload or an added plugin), {@code RESOLVED} or {@code FAILED}, its dependencies
     * resolved among the plugins {@code loaded} finds by id (read again from their shadow copies).
     */
    PluginRecord planOne(Path jar, java.util.function.Function<String, Optional<PluginArchive>> loaded) {
        PluginArchive archive = read(realPath(config.resolve(jar)));
        List<PluginArchive> all = new ArrayList<>(List.of(archive));
        Set<String> seen = new HashSet<>(Set.of(archive.descriptor().id()));
        for (int i = 0; i < all.size(); i++) {
            for (Dependency d : all.get(i).descriptor().requirements()) {
                if (seen.add(d.id())) {
                    loaded.apply(d.id()).ifPresent(all::add);
                }
            }
        }
        PluginRecord record = verified(archive, DependencyGraph.resolve(all, config.hostVersion()));
        settle(record, new HashSet<>());
        return record;
    }

    /**
     * A plugin read whole when it will be verified now; an outline when it will not (verification off) or may not
     * be (a verification cache, which reads it whole only when it has no entry for it).
     */
    private PluginArchive read(Path jar) {
        boolean outline = !config.verify() || config.verificationCache() != null;
        if (!PluginLayout.isPlugin(jar) && Files.isRegularFile(jar)) {
            try {
                ShadowStore.Copy copy = shadows.copy(jar); // one pass: read, hashed, written; then read from the copy
                return PluginArchive.readCopy(copy.path(), jar, copy.sha256(), outline);
            } catch (IOException e) {
                LOG.debug("plugin jar {}: no shadow copy at discovery ({}); read in place", jar, e.toString());
            }
        }
        return outline ? PluginArchive.readOutline(jar) : PluginArchive.read(jar);
    }

    private PluginRecord verified(PluginArchive archive, DependencyGraph graph) {
        PluginRecord record = new PluginRecord(archive);
        if (!archive.source().equals(archive.path()) && !archive.isUnreadable()) {
            record.shadowCopy = archive.source(); // copied at discovery: what was read is what loads
        }
        String id = archive.descriptor().id();
        record.isolation = config.isolationOf(id);
        List<PluginArchive> visible = graph.visible(id);
        record.add(graph.findings(id)); // the root cause first: a missing dependency explains missing classes
        VerificationCache cache = config.verificationCache();
        List<Finding> found = archive.findings();
        if (config.verify()) {
            Verification verification = cache == null ? verifier.verification(archive, visible)
                    : cache.verify(verifier, archive, visible);
            found = verification.findings();
            ContextLoaderSwitch judged = verification.contextLoaderSwitch();
            record.contextLoaderSwitch = judged.needed() || config.skipSwitchWhenProven() ? judged
                    : ContextLoaderSwitch.needed("proven not to consult it, but the host switches it on every call"
                            + " (PluginHostBuilder.skipContextLoaderSwitchWhenProven is off)");
        }
        record.add(record.isolation == Isolation.PROCESS ? found.stream().map(Discovery::inChildJvm).toList() : found);
        if (!visible.isEmpty() && record.isolation == Isolation.PROCESS) {
            record.add(List.of(Finding.error(FindingCode.DEPENDENCY_MISSING, id, Location.of(archive.path()),
                    id + ": depends on " + graph.dependencies(id).stream().map(a -> a.descriptor().id()).toList()
                            + ", but runs in a child JVM (Isolation.PROCESS), where no other plugin's classes are",
                    "run " + id + " in process, or remove its Plugin-Dependencies")));
        }
        List<String> dependencyIds = new ArrayList<>();
        for (PluginArchive dependency : graph.dependencies(id)) {
            dependencyIds.add(dependency.descriptor().id());
        }
        record.dependencyIds = List.copyOf(dependencyIds);
        if (config.lockfile() != null && !archive.isUnreadable()) {
            record.add(lockCheck(archive));
        }
        return record;
    }

    /** In a child JVM, {@code System.exit} ends only that child, which is restarted: a warning, not an error. */
    private static Finding inChildJvm(Finding f) {
        if (f.code() != FindingCode.SYSTEM_EXIT || !f.isError()) {
            return f;
        }
        return Finding.warning(f.code(), f.plugin(), f.location(), f.message() + " (here: only its child JVM, which"
                + " is restarted)", f.fix());
    }

    /** Fails closed: a lockfile that cannot be read refuses every jar. Read anew for each check. */
    private List<Finding> lockCheck(PluginArchive archive) {
        try {
            return Lockfile.read(config.lockfile()).check(archive).stream().toList();
        } catch (IOException | IllegalArgumentException e) {
            return List.of(Finding.error(FindingCode.LOCK_MISMATCH, archive.descriptor().id(),
                    Location.of(config.lockfile()), config.lockfile() + ": cannot be read (" + e.getMessage()
                            + "); no plugin is loaded without it", "write it with 'plinth lock DIR', or remove"
                            + " PluginHostBuilder.lockfile"));
        }
    }

    /** RESOLVED, or FAILED when there is an error; logs each finding (not yet in {@code logged}) at its level. */
    private void settle(PluginRecord r, Set<Finding> logged) {
        List<Finding> findings = r.snapshot().findings();
        long errors = 0;
        for (Finding f : findings) {
            if (logged.add(f)) {
                FindingLog.log(f);
            }
            errors += f.isError() ? 1 : 0;
        }
        if (disabled.contains(r.id())) {
            r.transition(PluginState.DISCOVERED, PluginState.DISABLED);
            LOG.info("plugin {} from {} is disabled by the host: not loaded", r.descriptor.coordinates(), r.path);
            return;
        }
        if (errors == 0) {
            r.transition(PluginState.DISCOVERED, PluginState.RESOLVED);
        } else if (r.transition(PluginState.DISCOVERED, PluginState.FAILED)) {
            LOG.info("plugin {} from {} not loaded: {} error{}, logged above", r.descriptor.coordinates(), r.path,
                    errors, errors == 1 ? "" : "s");
        }
    }

    private Set<Path> jars() {
        Set<Path> jars = new LinkedHashSet<>();
        for (Path dir : config.pluginDirectories()) {
            Path resolved = config.resolve(dir);
            if (!Files.isDirectory(resolved)) {
                unresolved(dir, resolved, "not a directory");
                continue;
            }
            List<Path> found = new ArrayList<>();
            try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(resolved)) {
                for (Path p : files) {
                    if (p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)
                            || PluginLayout.isPlugin(p)) { // a PF4J zip or a plugin directory
                        found.add(p);
                    }
                }
                Collections.sort(found);
                for (Path p : found) {
                    jars.add(realPath(p));
                }
            } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                unresolved(dir, resolved, "cannot be listed (" + e.getMessage() + ")");
            }
        }
        for (Path jar : config.pluginJars()) {
            Path resolved = config.resolve(jar);
            if (Files.isRegularFile(resolved) || PluginLayout.isPlugin(resolved)) {
                jars.add(realPath(resolved));
            } else {
                unresolved(jar, resolved, Files.exists(resolved) ? "not a regular file" : "no such file");
            }
        }
        return jars;
    }

    private void unresolved(Path given, Path resolved, String problem) {
        String how = given.isAbsolute() ? "" : " (resolved against " + config.baseDirectorySource() + " "
                + config.baseDirectory() + ")";
        Finding f = Finding.error(FindingCode.PATH_UNRESOLVED, String.valueOf(given.getFileName()),
                Location.of(resolved), resolved + ": " + problem + how,
                "pass an absolute path, or set PluginHostBuilder.baseDirectory (or -Dplinth.home) to the folder"
                        + " that holds '" + given + "'");
        hostFindings.add(f);
        FindingLog.log(f);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Two jars with one id: none of them loads, never last-wins. */
    private void refuseDuplicateIds(List<PluginRecord> records, List<PluginArchive> archives) {
        for (Finding f : Verifier.crossCheck(archives)) {
            records.stream().filter(r -> r.path.equals(f.location().file())).forEach(r -> r.add(f));
        }
    }
}
