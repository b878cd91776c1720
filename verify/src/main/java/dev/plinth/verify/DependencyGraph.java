package dev.plinth.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a set of plugins depend on each other, resolved from their descriptors before any class is defined: per
 * plugin the dependencies it resolved to, or the findings that keep it from loading, and an order that starts every
 * plugin after the plugins it needs.
 *
 * <ul>
 *   <li>{@code dependency-missing}: a required dependency is absent, or is refused (then the message says why);</li>
 *   <li>{@code dependency-version}: a dependency is present in a version its range excludes (an optional one
 *       too: present but wrong is not absent);</li>
 *   <li>{@code dependency-cycle}: plugins that need each other, the cycle named;</li>
 *   <li>{@code host-version}: the host's version lies outside the plugin's {@code Plugin-Requires}.</li>
 * </ul>
 * An optional dependency that is absent is fine. Two jars with one id are left to {@link Verifier#crossCheck}; the
 * graph ignores both, so their dependents are refused as missing the id.
 *
 * <h2>Threading</h2>
 * Immutable once built; safe to share.
 */
public final class DependencyGraph {
    private final Map<String, PluginArchive> byId;
    private final Map<String, List<PluginArchive>> dependencies = new LinkedHashMap<>();
    private final Map<String, List<Finding>> findings = new TreeMap<>();
    private final List<String> order = new ArrayList<>();

    private DependencyGraph(Map<String, PluginArchive> byId) {
        this.byId = byId;
    }

    /**
     * Resolves the dependencies of {@code archives} among themselves.
     *
     * @param hostVersion the host's version for {@code Plugin-Requires}, or null when the host names none (then
     *                    {@code Plugin-Requires} is not checked)
     */
    public static DependencyGraph resolve(List<PluginArchive> archives, String hostVersion) {
        Objects.requireNonNull(archives, "archives == null");
        Map<String, List<PluginArchive>> all = new TreeMap<>();
        archives.forEach(a -> all.computeIfAbsent(a.descriptor().id(), k -> new ArrayList<>()).add(a));
        Map<String, PluginArchive> unique = new TreeMap<>();
        all.forEach((id, same) -> {
            if (same.size() == 1) {
                unique.put(id, same.get(0));
            }
        });
        DependencyGraph graph = new DependencyGraph(unique);
        Version host = hostVersion == null ? null : Version.parse(hostVersion);
        unique.values().forEach(a -> graph.link(a, host));
        graph.findCycles();
        graph.sort();
        return graph;
    }

    private void link(PluginArchive a, Version host) {
        String id = a.descriptor().id();
        List<PluginArchive> resolved = new ArrayList<>();
        if (host != null && !a.descriptor().requires().isEmpty()) {
            VersionRange requires = VersionRange.parse(a.descriptor().requires());
            if (!requires.includes(host)) {
                add(id, Finding.error(FindingCode.HOST_VERSION, id, Location.entry(a.path(), "META-INF/MANIFEST.MF"),
                        id + ": Plugin-Requires " + requires + " excludes this host's version " + host,
                        "use a version of " + id + " built for host " + host + ", or widen Plugin-Requires if it"
                                + " works with it"));
            }
        }
        for (Dependency d : a.descriptor().requirements()) {
            PluginArchive dep = byId.get(d.id());
            if (dep == null) {
                if (!d.optional()) {
                    add(id, Finding.error(FindingCode.DEPENDENCY_MISSING, id, manifest(a), id + ": depends on "
                            + d.id() + (d.range().toString().equals("*") ? "" : " " + d.range())
                            + ", which is not among the plugins", "add a jar with Plugin-Id: " + d.id()
                            + " to the plugins, or mark the dependency optional ('" + d.id() + "?')"));
                }
                continue;
            }
            Version found = versionOf(dep);
            if (found == null || !d.range().includes(found)) {
                add(id, Finding.error(FindingCode.DEPENDENCY_VERSION, id, manifest(a), id + ": depends on " + d.id()
                        + " " + d.range() + ", but " + d.id() + " is " + dep.descriptor().version() + " ("
                        + dep.path() + ")", "deploy a version of " + d.id() + " in " + d.range()
                        + ", or a version of " + id + " built against " + d.id() + " "
                        + dep.descriptor().version()));
                continue;
            }
            resolved.add(dep);
        }
        dependencies.put(id, List.copyOf(resolved));
    }

    private static Version versionOf(PluginArchive a) {
        try {
            return Version.parse(a.descriptor().version());
        } catch (IllegalArgumentException e) {
            return null; // reported as descriptor-invalid; nothing satisfies a range with it
        }
    }

    private void findCycles() {
        Map<String, Integer> state = new HashMap<>(); // 1 on the stack, 2 done
        Set<String> reported = new HashSet<>();
        for (String id : dependencies.keySet()) {
            visit(id, new ArrayList<>(), state, reported);
        }
    }

    private void visit(String id, List<String> stack, Map<String, Integer> state, Set<String> reported) {
        Integer s = state.get(id);
        if (s != null) {
            if (s == 1) {
                List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
                List<String> key = new ArrayList<>(cycle);
                key.sort(Comparator.naturalOrder());
                if (reported.add(String.join(",", key))) {
                    int start = cycle.indexOf(key.get(0));
                    List<String> named = new ArrayList<>(cycle.subList(start, cycle.size()));
                    named.addAll(cycle.subList(0, start));
                    named.add(named.get(0));
                    for (String member : new LinkedHashSet<>(cycle)) {
                        PluginArchive a = byId.get(member);
                        add(member, Finding.error(FindingCode.DEPENDENCY_CYCLE, member, manifest(a),
                                member + ": plugin dependencies form a cycle: " + String.join(" → ", named),
                                "break the cycle: move what the plugins share into a plugin both depend on, or"
                                        + " make one of the dependencies optional"));
                    }
                }
            }
            return;
        }
        state.put(id, 1);
        stack.add(id);
        for (PluginArchive dep : dependencies.getOrDefault(id, List.of())) {
            visit(dep.descriptor().id(), stack, state, reported);
        }
        stack.remove(stack.size() - 1);
        state.put(id, 2);
    }

    /** Dependencies first; a plugin whose dependency cannot load cannot load either, and is told why. */
    private void sort() {
        Set<String> placed = new HashSet<>();
        Set<String> refused = new HashSet<>();
        for (String id : dependencies.keySet()) {
            place(id, placed, refused, new HashSet<>());
        }
    }

    private void place(String id, Set<String> placed, Set<String> refused, Set<String> visiting) {
        if (placed.contains(id) || refused.contains(id) || !visiting.add(id)) {
            return;
        }
        for (PluginArchive dep : dependencies.getOrDefault(id, List.of())) {
            place(dep.descriptor().id(), placed, refused, visiting);
        }
        if (findings.containsKey(id)) {
            refused.add(id);
            return;
        }
        for (PluginArchive dep : dependencies.get(id)) {
            String depId = dep.descriptor().id();
            if (refused.contains(depId)) {
                PluginArchive a = byId.get(id);
                add(id, Finding.error(FindingCode.DEPENDENCY_MISSING, id, manifest(a), id + ": depends on " + depId
                        + ", which cannot load (" + findings.get(depId).get(0).message() + ")",
                        "fix " + depId + " first; " + id + " loads once it does"));
                refused.add(id);
                return;
            }
        }
        placed.add(id);
        order.add(id);
    }

    private void add(String id, Finding f) {
        findings.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
    }

    private static Location manifest(PluginArchive a) {
        return Location.entry(a.path(), "META-INF/MANIFEST.MF");
    }

    /** The ids of the plugins that can load as far as dependencies go, every plugin after those it needs. */
    public List<String> order() {
        return List.copyOf(order);
    }

    /** The plugins {@code id} depends on and that are present in range, in declaration order (optional ones too). */
    public List<PluginArchive> dependencies(String id) {
        return dependencies.getOrDefault(id, List.of());
    }

    /**
     * Every plugin whose classes {@code id} sees: its dependencies, then theirs, nearest first, each once — what
     * its class loader searches after the shared host API and before its own jar.
     */
    public List<PluginArchive> visible(String id) {
        List<PluginArchive> result = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(id));
        List<PluginArchive> queue = new ArrayList<>(dependencies(id));
        for (int i = 0; i < queue.size(); i++) {
            PluginArchive a = queue.get(i);
            if (seen.add(a.descriptor().id())) {
                result.add(a);
                queue.addAll(dependencies(a.descriptor().id()));
            }
        }
        return result;
    }

    /** The plugins that depend on {@code id} directly, sorted by id. */
    public List<String> dependents(String id) {
        return dependencies.entrySet().stream().filter(e -> e.getValue().stream()
                .anyMatch(a -> a.descriptor().id().equals(id))).map(Map.Entry::getKey).sorted().toList();
    }

    /** What keeps {@code id} from loading, as far as dependencies and the host version go; empty when nothing. */
    public List<Finding> findings(String id) {
        return List.copyOf(findings.getOrDefault(id, List.of()));
    }

    /** The plugin of an id, if exactly one jar declares it. */
    public Optional<PluginArchive> plugin(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The findings for plugins that depend, directly or not, on one of {@code refused} (refused for reasons found
     * after resolution, such as verification errors), in dependency order: each names the dependency that cannot
     * load and why.
     */
    public Map<String, Finding> refusedWith(Map<String, Finding> refused) {
        Map<String, Finding> all = new LinkedHashMap<>(refused);
        Map<String, Finding> added = new LinkedHashMap<>();
        for (String id : order) {
            if (all.containsKey(id)) {
                continue;
            }
            for (PluginArchive dep : dependencies(id)) {
                Finding why = all.get(dep.descriptor().id());
                if (why != null) {
                    PluginArchive a = byId.get(id);
                    Finding f = Finding.error(FindingCode.DEPENDENCY_MISSING, id, manifest(a), id + ": depends on "
                            + dep.descriptor().id() + ", which cannot load (" + why.message() + ")",
                            "fix " + dep.descriptor().id() + " first; " + id + " loads once it does");
                    all.put(id, f);
                    added.put(id, f);
                    break;
                }
            }
        }
        return added;
    }
}
