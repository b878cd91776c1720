package dev.plinth.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a lifecycle call for a new jar in the right plugins' turns: the jar is verified first, outside any turn, then
 * the call runs holding the turns of the plugin, of the plugins it depends on and, for a reload, of every plugin that
 * depends on it. When a dependency was reloaded while the jar was verified, it is verified again.
 */
final class Turns {
    private static final int PLAN_ATTEMPTS = 3;

    private final HostRecords state;
    private final PluginLocks locks;
    private final Discovery discovery;
    private final Path shadowDirectory;

    Turns(HostRecords state, PluginLocks locks, Discovery discovery, Path shadowDirectory) {
        this.state = state;
        this.locks = locks;
        this.discovery = discovery;
        this.shadowDirectory = shadowDirectory;
    }

    /**
     * Verifies {@code jar}, then runs {@code body} in the turn of the plugin ({@code id} for a reload, or the jar's
     * own id for an added plugin, when {@code id} is null) and of the plugins around it.
     */
    <T> T planned(Path jar, String id, Function<PluginRecord, T> body) {
        for (int attempt = 1; ; attempt++) {
            List<PluginRecord> seen = state.all();
            PluginRecord next = discovery.planOne(jar,
                    dep -> DependencyLinks.loadedArchive(dep, state.all(), shadowDirectory));
            Set<String> ids = PluginLocks.turnOf(id == null ? next.id() : id, next.dependencyIds);
            Set<String> dependents = id == null ? Set.of() : DependencyLinks.allDependentIds(id, state.all());
            ids.addAll(dependents); // a reload takes its dependents along
            PluginLocks.Held turn = locks.lock(ids);
            try {
                // once the plugin's turn is held no new dependent can appear, so the second check settles
                if (attempt < PLAN_ATTEMPTS && state.dependenciesChanged(seen, next)
                        || id != null && !dependents.containsAll(DependencyLinks.allDependentIds(id, state.all()))) {
                    continue;
                }
                return body.apply(next);
            } finally {
                turn.close();
            }
        }
    }
}
