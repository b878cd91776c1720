package dev.plinth.runtime;

import dev.plinth.runtime.internal.CallTarget;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import dev.plinth.verify.PluginArchive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads a plugin that started plugins depend on, together with them: the new generation of the dependency and a
 * new generation of every dependent, linked to it, are verified and started first; only when all of them started are
 * they put into service, in one step under the state lock; then the old generations are retired, dependents first.
 * When any of them fails, none is put into service, the ones that started are stopped again, and every old
 * generation keeps serving.
 */
final class DependentsReload {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostRecords state;
    private final Discovery discovery;
    private final Lifecycle lifecycle;
    private final Events events;
    private final Path shadowDirectory;

    DependentsReload(HostRecords state, Discovery discovery, Lifecycle lifecycle, Events events, Path shadowDirectory) {
        this.state = state;
        this.discovery = discovery;
        this.lifecycle = lifecycle;
        this.events = events;
        this.shadowDirectory = shadowDirectory;
    }

    /** Reloads {@code old} as {@code next} (planned, {@code RESOLVED}) with {@code dependents}, in start order. */
    ReloadReport reload(PluginRecord old, PluginRecord next, List<PluginRecord> dependents) {
        List<PluginRecord> olds = new ArrayList<>(List.of(old));
        olds.addAll(dependents);
        List<PluginRecord> nexts = new ArrayList<>(List.of(next));
        Map<PluginRecord, Activation> pending = new IdentityHashMap<>();
        PluginRecord failed = null;
        for (int i = 0; i < olds.size() && failed == null; i++) {
            PluginRecord generation = i == 0 ? next : plan(olds.get(i), nexts);
            if (i > 0) {
                nexts.add(generation);
            }
            PluginRecord previous = olds.get(i);
            boolean started = generation.state() == PluginState.RESOLVED
                    && DependencyLinks.link(generation, view(olds, nexts), events)
                    && lifecycle.startAndWait(generation, r -> prepare(r, previous, pending));
            if (!started) {
                failed = generation;
            }
        }
        if (failed != null) {
            return giveUp(old, next, failed, nexts);
        }
        Map<PluginRecord, List<CallTarget>> retired = new IdentityHashMap<>();
        synchronized (state) { // every new generation serves from the same moment on
            for (int i = 0; i < olds.size(); i++) {
                Activation activation;
                synchronized (pending) {
                    activation = pending.get(nexts.get(i));
                }
                retired.put(olds.get(i), activation.commit());
                state.replace(olds.get(i), nexts.get(i));
            }
        }
        UnloadReport unload = null;
        for (int i = olds.size() - 1; i >= 0; i--) { // dependents first, the dependency last
            PluginRecord o = olds.get(i);
            UnloadReport u = lifecycle.retire(o, retired.get(o), true);
            unload = i == 0 ? u : unload;
            LOG.info("reloaded plugin {} -> {} from {}", o.descriptor.coordinates(), nexts.get(i).descriptor.version(),
                    nexts.get(i).path);
            events.reloaded(nexts.get(i).snapshot(), u);
        }
        return new ReloadReport(old.id(), next.path, old.descriptor.version(), next.descriptor.version(), true,
                next.snapshot().findings(), unload);
    }

    /** The activator of a generation that must not serve yet: made STARTED, its activation kept for later. */
    private static boolean prepare(PluginRecord r, PluginRecord previous, Map<PluginRecord, Activation> pending) {
        Activation activation = Activation.prepare(r, previous);
        return r.startIf(() -> { // in the same step as STARTED: a time-out racing it cannot leave one without the other
            synchronized (pending) {
                pending.put(r, activation);
            }
        });
    }

    /** A new generation of a dependent, from its jar, verified against the new generations planned before it. */
    private PluginRecord plan(PluginRecord dependent, List<PluginRecord> nexts) {
        PluginRecord planned = discovery.planOne(dependent.path, id -> nexts.stream().filter(n -> n.id().equals(id))
                .findFirst().map(n -> PluginArchive.read(n.path))
                .or(() -> DependencyLinks.loadedArchive(id, state.all(), shadowDirectory)));
        if (!planned.id().equals(dependent.id())) {
            planned.refuse(Finding.error(FindingCode.DESCRIPTOR_INVALID, planned.id(), Location.of(planned.path),
                    planned.path.getFileName() + ": now declares Plugin-Id " + planned.id() + ", not "
                            + dependent.id(), "put the jar of " + dependent.id() + " back"));
        }
        return planned;
    }

    /** The records as they will be once the new generations serve, for linking a dependent to them. */
    private List<PluginRecord> view(List<PluginRecord> olds, List<PluginRecord> nexts) {
        List<PluginRecord> view = new ArrayList<>(state.all());
        view.removeAll(olds);
        view.addAll(nexts);
        return view;
    }

    private ReloadReport giveUp(PluginRecord old, PluginRecord next, PluginRecord failed, List<PluginRecord> nexts) {
        for (int i = nexts.size() - 1; i >= 0; i--) { // stop what started, dependents first; none ever served
            PluginRecord n = nexts.get(i);
            if (n.state() == PluginState.STARTED) {
                lifecycle.retire(n, new ArrayList<>(), false);
            }
        }
        List<Finding> why = new ArrayList<>(next.snapshot().findings());
        if (failed != next) {
            Finding f = Finding.error(FindingCode.START_FAILED, old.id(), Location.of(next.path), old.id()
                    + ": not reloaded because its dependent " + failed.id() + " could not be reloaded onto it: "
                    + Optional.ofNullable(firstError(failed)).map(Finding::message).orElse(failed.state().toString()),
                    "fix " + failed.id() + " for the new " + old.id() + ", or unload " + failed.id() + " first");
            why.add(f);
            FindingLog.log(f);
        }
        LOG.warn("reload of {} from {} failed; {} and its dependents keep serving", old.id(), next.path,
                old.descriptor.coordinates());
        return new ReloadReport(old.id(), next.path, old.descriptor.version(), next.descriptor.version(), false,
                why, null);
    }

    private static Finding firstError(PluginRecord r) {
        return r.snapshot().findings().stream().filter(Finding::isError).findFirst().orElse(null);
    }
}
