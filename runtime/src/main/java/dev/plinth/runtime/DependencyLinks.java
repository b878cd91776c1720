package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import dev.plinth.verify.PluginArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the host does with the dependencies discovery resolved: start levels (every plugin after the plugins it
 * needs), a dependent's link to its dependencies' class loaders just before it starts, and who depends on whom.
 */
final class DependencyLinks {
    private DependencyLinks() {
    }

    /**
     * The records in levels: those without dependencies first, then those needing only the first level, ...;
     * computed from the dependencies themselves, whatever the order of {@code records} (add and disable append).
     */
    static List<List<PluginRecord>> levels(List<PluginRecord> records) {
        Map<String, PluginRecord> byId = new HashMap<>();
        for (PluginRecord r : records) { // the serving record of an id, else any
            byId.merge(r.id(), r, (a, b) -> a.state() == PluginState.FAILED ? b : a);
        }
        Map<PluginRecord, Integer> known = new IdentityHashMap<>();
        List<List<PluginRecord>> levels = new ArrayList<>();
        for (PluginRecord r : records) {
            int mine = level(r, byId, known, new HashSet<>());
            while (levels.size() <= mine) {
                levels.add(new ArrayList<>());
            }
            levels.get(mine).add(r);
        }
        return levels;
    }

    private static int level(PluginRecord r, Map<String, PluginRecord> byId, Map<PluginRecord, Integer> known,
                             Set<String> visiting) {
        Integer level = known.get(r);
        if (level != null) {
            return level;
        }
        if (!visiting.add(r.id())) {
            return 0; // a cycle, refused at resolution: no order to keep
        }
        int mine = 0;
        for (String id : r.dependencyIds) {
            PluginRecord dependency = byId.get(id);
            if (dependency != null && dependency != r) {
                mine = Math.max(mine, level(dependency, byId, known, visiting) + 1);
            }
        }
        visiting.remove(r.id());
        known.put(r, mine);
        return mine;
    }

    /** The plugins of one level that may start: those not {@code RESOLVED} (they settle themselves), those linked. */
    static List<PluginRecord> linkAll(List<PluginRecord> level, List<PluginRecord> records, Events events) {
        List<PluginRecord> ready = new java.util.ArrayList<>(level.size());
        for (PluginRecord r : level) {
            if (r.state() != PluginState.RESOLVED || link(r, records, events)) {
                ready.add(r);
            }
        }
        return ready;
    }

    /**
     * Gives a resolved plugin its dependencies' class loaders; fails it, with a {@code dependency-missing} finding
     * naming the dependency and its state, when one did not start. Returns whether it may start.
     */
    static boolean link(PluginRecord r, List<PluginRecord> records, Events events) {
        List<PluginClassLoader> loaders = new ArrayList<>();
        for (String id : r.dependencyIds) {
            Optional<PluginRecord> dep = records.stream().filter(d -> d.id().equals(id)
                    && d.state() == PluginState.STARTED).findFirst();
            if (dep.isEmpty() || dep.get().loader == null) {
                String state = records.stream().filter(d -> d.id().equals(id)).findFirst()
                        .map(d -> d.state() + (d.isolation == Isolation.PROCESS ? " in a child JVM" : ""))
                        .orElse("not loaded");
                Finding f = Finding.error(FindingCode.DEPENDENCY_MISSING, r.id(), Location.of(r.path), r.id()
                        + ": depends on " + id + ", which did not start (" + state + ")", "fix " + id + " first; "
                        + r.id() + " starts once it does");
                if (r.failIf(PluginState.RESOLVED, f, null)) {
                    FindingLog.log(f);
                    events.failed(r.snapshot());
                }
                return false;
            }
            loaders.add(dep.get().loader);
        }
        r.dependencyLoaders = List.copyOf(loaders);
        return true;
    }

    /** Unloading or reloading a plugin that started plugins depend on is refused, naming them. */
    static void requireNoDependents(String what, String id, List<PluginRecord> records) {
        List<String> dependents = dependents(id, records);
        if (!dependents.isEmpty()) {
            throw new IllegalStateException(what + ": plugin " + id + " has dependents that are started ("
                    + String.join(", ", dependents) + "); unload them first");
        }
    }

    /** The started plugins that depend on {@code id} directly or through others, in start order. */
    static List<PluginRecord> allDependents(String id, List<PluginRecord> records) {
        Set<String> reached = new HashSet<>(Set.of(id));
        for (boolean grew = true; grew; ) { // to a fixed point: the order of records does not matter
            grew = false;
            for (PluginRecord r : records) {
                if (r.state() == PluginState.STARTED && !reached.contains(r.id())
                        && r.dependencyIds.stream().anyMatch(reached::contains)) {
                    grew = reached.add(r.id());
                }
            }
        }
        List<PluginRecord> found = new ArrayList<>();
        levels(records).forEach(level -> level.stream().filter(r -> r.state() == PluginState.STARTED
                && !r.id().equals(id) && reached.contains(r.id())).forEach(found::add));
        return found;
    }

    /** The ids of {@link #allDependents}. */
    static Set<String> allDependentIds(String id, List<PluginRecord> records) {
        Set<String> ids = new HashSet<>();
        allDependents(id, records).forEach(r -> ids.add(r.id()));
        return ids;
    }

    /** The started plugins that depend on {@code id} directly, by id. */
    static List<String> dependents(String id, List<PluginRecord> records) {
        return records.stream().filter(r -> r.state() == PluginState.STARTED && r.dependencyIds.contains(id))
                .map(PluginRecord::id).sorted().toList();
    }

    /** The archive of a started plugin, read again from its shadow copy (else from its path). */
    static Optional<PluginArchive> loadedArchive(String id, List<PluginRecord> records, Path shadowDirectory) {
        return records.stream().filter(r -> r.id().equals(id) && r.state() == PluginState.STARTED).findFirst()
                .map(r -> {
                    Path copy = shadowDirectory.resolve(r.sha256 + ".jar");
                    return PluginArchive.read(Files.isRegularFile(copy) ? copy : r.path);
                });
    }
}
