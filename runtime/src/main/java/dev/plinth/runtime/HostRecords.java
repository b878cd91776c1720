package dev.plinth.runtime;

import dev.plinth.runtime.internal.CallTarget;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The host's plugin records and the registry published from them. Its monitor is the host's state lock: every
 * change happens under it, briefly, and never across plugin code or a wait; reads take the current immutable
 * snapshot without it.
 */
final class HostRecords {
    private volatile List<PluginRecord> records = List.of();
    /** The registry of the current records; null when they changed since it was made (made again when asked). */
    private volatile Registry registry = Registry.EMPTY;
    private volatile Consumer<Path> onServing = jar -> { };

    List<PluginRecord> all() {
        return records;
    }

    /**
     * The registry of the records as they are now. Made when first asked for after a change, not at each change:
     * starting N plugins changes the records N times, and making it each time cost O(N) each, O(N²) in all.
     */
    Registry registry() {
        Registry current = registry;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (registry == null) {
                registry = Registry.of(records);
            }
            return registry;
        }
    }

    /** Tells {@code listener} the jar of every generation that starts serving from now on. */
    void onServing(Consumer<Path> listener) {
        onServing = listener;
    }

    synchronized void plan(List<PluginRecord> planned) {
        records = List.copyOf(planned);
    }

    /** Swaps {@code previous} for {@code next} (either may be null) and republishes the registry. */
    synchronized void replace(PluginRecord previous, PluginRecord next) {
        // one pass by identity: a host starting N plugins calls this N times, and each used to scan the list thrice
        List<PluginRecord> updated = new ArrayList<>(records.size() + 1);
        boolean listed = false;
        for (PluginRecord r : records) {
            if (r == previous) { // its place goes to the next generation
                if (next != null && !listed) {
                    updated.add(next);
                    listed = true;
                }
            } else if (r != next || !listed) {
                updated.add(r);
                listed |= r == next;
            }
        }
        if (next != null && !listed) {
            updated.add(next);
        }
        records = java.util.Collections.unmodifiableList(updated);
        registry = null;
        if (next != null && next.state() == PluginState.STARTED) {
            onServing.accept(next.path);
        }
    }

    /**
     * Publishes a planned generation of a plugin not yet listed, replacing failed or disabled attempts of the same
     * id or jar; false, refusing it with {@code duplicate-plugin-id}, when a plugin with its id is listed.
     */
    synchronized boolean admit(PluginRecord next) {
        records.stream().filter(r -> r.state() == PluginState.FAILED || r.state() == PluginState.DISABLED)
                .filter(r -> r.id().equals(next.id()) || r.path.equals(next.path))
                .forEach(earlier -> replace(earlier, null));
        Optional<PluginRecord> same = find(next.id());
        if (same.isPresent()) {
            next.refuse(Finding.error(FindingCode.DUPLICATE_PLUGIN_ID, next.id(), Location.of(next.path),
                    next.id() + ": plugin id already loaded from " + same.get().path + "; " + next.path
                            + " is not loaded", "reload the plugin instead of adding it"));
            return false;
        }
        replace(null, next);
        return true;
    }

    /** Takes a started plugin out of service for unloading; refused when it is not started or has dependents. */
    synchronized Retiring takeOutOfService(String id) {
        PluginRecord r = require(id);
        if (r.state() != PluginState.STARTED) {
            throw new IllegalStateException("unload: plugin " + id + " is " + r.state() + ", not STARTED");
        }
        DependencyLinks.requireNoDependents("unload", id, records);
        List<CallTarget> targets = retireSlots(r);
        replace(r, null);
        return new Retiring(r, targets);
    }

    /** Lists {@code r} (not started) as {@code DISABLED}, last. */
    synchronized void disable(PluginRecord r) {
        if (r.transition(r.state(), PluginState.DISABLED)) {
            replace(r, null);
            replace(null, r);
            LoggerFactory.getLogger(PluginHost.class).info("plugin {} disabled", r.descriptor.coordinates());
        }
    }

    /** How many plugins are {@code STARTED}. */
    int startedCount() {
        int started = 0;
        for (PluginRecord r : records) {
            started += r.state() == PluginState.STARTED ? 1 : 0;
        }
        return started;
    }

    synchronized void republish() {
        registry = null;
    }

    /**
     * On the start thread: puts {@code next} into service in place of {@code previous} and makes it
     * {@code STARTED}, in one step; adds the targets it replaced to {@code retired}. False when {@code next} is no
     * longer starting (it timed out); throws, having changed nothing, when it cannot serve.
     */
    synchronized boolean activate(PluginRecord next, PluginRecord previous, List<CallTarget> retired) {
        Activation activation = Activation.prepare(next, previous);
        if (!next.startIf(() -> retired.addAll(activation.commit()))) {
            return false;
        }
        replace(previous, next);
        return true;
    }

    /** Takes every started generation out of the registry; returns each one's retired call targets. */
    synchronized List<Retiring> retireAllSlots() {
        List<Retiring> serving = new ArrayList<>();
        for (PluginRecord r : records) {
            if (r.state() == PluginState.STARTED) {
                serving.add(new Retiring(r, retireSlots(r)));
            }
        }
        registry = Registry.EMPTY;
        return serving;
    }

    /** The call targets of a generation's extensions, taken out of their slots. */
    static List<CallTarget> retireSlots(PluginRecord r) {
        List<CallTarget> targets = new ArrayList<>();
        r.extensions.forEach(e -> {
            CallTarget t = e.slot().retire("plugin " + r.id() + " was unloaded");
            if (t != null) {
                targets.add(t);
            }
        });
        return targets;
    }

    /** The serving record of {@code id}, else a failed one. */
    Optional<PluginRecord> find(String id) {
        List<PluginRecord> now = records;
        return now.stream().filter(r -> r.id().equals(id) && r.state() != PluginState.FAILED).findFirst()
                .or(() -> now.stream().filter(r -> r.id().equals(id)).findFirst());
    }

    PluginRecord require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no plugin with id '" + id + "'"));
    }

    Set<String> ids() {
        Set<String> ids = new TreeSet<>(); // a loop: start() asks it first, in a JVM that has just started
        for (PluginRecord r : records) {
            ids.add(r.id());
        }
        return ids;
    }

    /** Whether a dependency of {@code next} is another generation now than in {@code seen}. */
    boolean dependenciesChanged(List<PluginRecord> seen, PluginRecord next) {
        List<PluginRecord> now = records;
        return next.dependencyIds.stream().anyMatch(d -> startedOf(seen, d) != startedOf(now, d));
    }

    private static PluginRecord startedOf(List<PluginRecord> records, String id) {
        return records.stream().filter(r -> r.id().equals(id) && r.state() == PluginState.STARTED).findFirst()
                .orElse(null);
    }

    /** A started generation taken out of service, with the call targets it served through. */
    record Retiring(PluginRecord record, List<CallTarget> targets) {
    }
}
