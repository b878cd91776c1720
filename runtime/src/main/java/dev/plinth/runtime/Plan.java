package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What resolution settled, before any plugin class is defined: per plugin, whether it may load, what its
 * dependencies resolved to, its start level, and the findings that decided it. An immutable value: print it, test
 * it, or compare two of them.
 *
 * @param plugins every plugin found, in start order: level 0 first; those that may not load last
 */
public record Plan(List<Entry> plugins) {

    /** Copies the list. */
    public Plan {
        plugins = List.copyOf(plugins);
    }

    /** One plugin of the plan. */
    public record Entry(PluginInfo plugin, Map<String, String> dependencies, int level) {
        /** Copies the map. */
        public Entry {
            dependencies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
        }

        /** Whether the plugin may load: {@code RESOLVED}, neither refused nor disabled. */
        public boolean loads() {
            return plugin.state() == PluginState.RESOLVED;
        }
    }

    /** The entry of one plugin. */
    public Optional<Entry> plugin(String id) {
        return plugins.stream().filter(e -> e.plugin().id().equals(id)).findFirst();
    }

    /** The ids that load, level by level: each level's plugins need only plugins of earlier levels. */
    public List<List<String>> startOrder() {
        List<List<String>> levels = new ArrayList<>();
        for (Entry e : plugins) {
            if (e.loads()) {
                while (levels.size() <= e.level()) {
                    levels.add(new ArrayList<>());
                }
                levels.get(e.level()).add(e.plugin().id());
            }
        }
        return levels.stream().map(List::copyOf).toList();
    }

    /** The plan as lines of text: one per plugin, then its error findings, indented. */
    @Override
    public String toString() {
        long loading = plugins.stream().filter(Entry::loads).count();
        StringBuilder out = new StringBuilder("plan: " + plugins.size() + " plugins, " + loading + " load");
        for (Entry e : plugins) {
            PluginInfo p = e.plugin();
            out.append(System.lineSeparator()).append("  ")
                    .append(e.loads() ? "level " + e.level() : p.state().name().toLowerCase(java.util.Locale.ROOT))
                    .append("  ").append(p.coordinates()).append("  ").append(p.path().getFileName());
            if (!e.dependencies().isEmpty()) {
                out.append("  needs");
                e.dependencies().forEach((id, version) -> out.append(' ').append(id).append('@').append(version));
            }
            for (Finding f : p.findings()) {
                if (f.isError()) {
                    out.append(System.lineSeparator()).append("      ").append(f);
                }
            }
        }
        return out.toString();
    }

    /** The plan of {@code records}, as discovery ordered them. */
    static Plan of(List<PluginRecord> records) {
        Map<String, PluginRecord> byId = new LinkedHashMap<>();
        for (PluginRecord r : records) { // loops: this runs at every start (see Discovery)
            byId.putIfAbsent(r.id(), r);
        }
        List<Entry> loading = new ArrayList<>();
        List<List<PluginRecord>> levels = DependencyLinks.levels(records);
        for (int level = 0; level < levels.size(); level++) {
            for (PluginRecord r : levels.get(level)) {
                if (r.state() == PluginState.RESOLVED) {
                    loading.add(entry(r, byId, level));
                }
            }
        }
        for (PluginRecord r : records) {
            if (r.state() != PluginState.RESOLVED) {
                loading.add(entry(r, byId, -1));
            }
        }
        return new Plan(loading);
    }

    private static Entry entry(PluginRecord r, Map<String, PluginRecord> byId, int level) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        for (String id : r.dependencyIds) {
            PluginRecord d = byId.get(id);
            dependencies.put(id, d == null ? "?" : d.descriptor.version());
        }
        return new Entry(r.snapshot(), dependencies, level);
    }
}
