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

    /** The records in levels: those without dependencies first, then those needing only the first level, ... */
    static List<List<PluginRecord>> levels(List<PluginRecord> records) {
        Map<String, Integer> level = new HashMap<>();
        List<List<PluginRecord>> levels = new ArrayList<>();
        for (PluginRecord r : records) { // discovery orders dependencies first
            int mine = r.dependencyIds.stream().mapToInt(d -> level.getOrDefault(d, -1) + 1).max().orElse(0);
            level.put(r.id(), mine);
            while (levels.size() <= mine) {
                levels.add(new ArrayList<>());
            }
            levels.get(mine).add(r);
        }
        return levels;
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
        List<PluginRecord> found = new ArrayList<>();
        for (List<PluginRecord> level : levels(records)) {
            for (PluginRecord r : level) {
                if (r.state() == PluginState.STARTED && !r.id().equals(id)
                        && r.dependencyIds.stream().anyMatch(reached::contains)) {
                    reached.add(r.id());
                    found.add(r);
                }
            }
        }
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
    static Optional<PluginArchive> loadedArchive(String id, List<PluginRecord> records, Path workDirectory) {
        return records.stream().filter(r -> r.id().equals(id) && r.state() == PluginState.STARTED).findFirst()
                .map(r -> {
                    Path copy = workDirectory.resolve("shadow").resolve(r.sha256 + ".jar");
                    return PluginArchive.read(Files.isRegularFile(copy) ? copy : r.path);
                });
    }
}
