package dev.plinth.runtime;

import dev.plinth.runtime.internal.CallTarget;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops generations of plugins, each on its own daemon thread (starts a bounded number at a time), with
 * time-outs: one plugin that throws or hangs ends in {@code FAILED} and never blocks the host or the other plugins
 * past its time-out.
 */
final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostConfig config;
    private final PluginLoader loader;
    private final Retirement retirement;
    private final CollectionWatch watch;
    private final Events events;

    Lifecycle(HostConfig config, PluginLoader loader, Events events) {
        this.config = config;
        this.loader = loader;
        this.events = events;
        this.watch = new CollectionWatch(config, events);
        this.retirement = new Retirement(config, events, watch);
    }

    /**
     * Starts every {@code RESOLVED} plugin, {@code startThreads} at a time, each with its whole start time-out from
     * the moment its own start begins; {@code activator} puts each that loaded into service, on its start thread.
     * Returns when each has started, failed or timed out.
     */
    void startAll(List<PluginRecord> records, Activator activator) {
        List<PluginRecord> starting = new ArrayList<>(records.size());
        for (PluginRecord r : records) {
            if (r.transition(PluginState.RESOLVED, PluginState.STARTING)) {
                starting.add(r);
            }
        }
        new StartQueue(config.startThreads(), config.startTimeout().toNanos()).run(starting, new StartQueue.Starts() {
            @Override
            public PluginThreads.Worker begin(PluginRecord r) {
                return PluginThreads.spawn("plinth-start-" + r.id(), () -> startOne(r, activator));
            }

            @Override
            public void settle(PluginRecord r, PluginThreads.Worker worker, long deadline) {
                await(r, worker, deadline);
            }

            @Override
            public void abandon(PluginRecord r) {
                failed(r, startFailed(r, "not started: the thread waiting for its start was interrupted"), null);
            }
        });
    }

    /** Starts one {@code RESOLVED} generation and waits for it; true when it is {@code STARTED}. */
    boolean startAndWait(PluginRecord r, Activator activator) {
        if (!r.transition(PluginState.RESOLVED, PluginState.STARTING)) {
            return false;
        }
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        await(r, PluginThreads.spawn("plinth-start-" + r.id(), () -> startOne(r, activator)), deadline);
        return r.state() == PluginState.STARTED;
    }

    private void await(PluginRecord r, PluginThreads.Worker worker, long deadline) {
        try {
            worker.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            Finding timeout = Timeouts.startTimeout(r, worker.thread(), config.startTimeout());
            if (r.failIf(PluginState.STARTING, timeout, null)) {
                FindingLog.log(timeout);
                worker.thread().interrupt();
                discard(r);
                events.failed(r.snapshot());
            }
        } catch (ExecutionException e) {
            // startOne catches everything; this is the last line that keeps a start from ending in neither state
            failed(r, startFailed(r, "start thread failed: " + e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            // the caller gives up on this start: it must not serve later, unseen, or run on unstopped
            Finding interrupted = startFailed(r, "not started: the thread waiting for its start was interrupted");
            if (r.failIf(PluginState.STARTING, interrupted, null)) {
                FindingLog.log(interrupted);
                worker.thread().interrupt();
                discard(r);
                events.failed(r.snapshot());
            }
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The start thread's whole job, and the only place a start ends: {@code STARTED} after the activator put the
     * generation into service, else {@code FAILED} with a finding, whatever was thrown. No exception type is a
     * signal here: a time-out is seen as the state no longer being {@code STARTING}.
     */
    private void startOne(PluginRecord r, Activator activator) {
        try {
            loader.load(r);
        } catch (StartFailure f) {
            failed(r, f.finding, f.getCause());
            return;
        } catch (Throwable e) { // of any type: an Error, or a Throwable a plugin threw past the compiler
            failed(r, startFailed(r, "failed while starting: " + e), e);
            return;
        }
        boolean serving;
        try {
            serving = activator.activate(r);
        } catch (Throwable e) { // nothing was put into service
            failed(r, startFailed(r, "could not be put into service: " + e), e);
            return;
        }
        if (!serving) {
            discard(r); // timed out meanwhile: FAILED, never served
            return;
        }
        LOG.info("loaded plugin {} from {} (sha256 {}, Java {} class files, loader {})",
                r.descriptor.coordinates(), r.path, r.sha256, r.javaRelease, r.loaderName());
        events.loaded(r.snapshot());
    }

    private static Finding startFailed(PluginRecord r, String problem) {
        return Finding.error(FindingCode.START_FAILED, r.id(), Location.of(r.path), r.id() + ": " + problem,
                "see the cause in PluginInfo.failure()");
    }

    private void failed(PluginRecord r, Finding finding, Throwable cause) {
        if (r.failIf(PluginState.STARTING, finding, cause)) {
            FindingLog.log(finding, cause);
            discard(r);
            events.failed(r.snapshot());
        }
    }

    /** Retires a started generation whose slots the caller already retired or swapped. */
    UnloadReport retire(PluginRecord r, List<CallTarget> targets, boolean proveCollection) {
        r.transition(PluginState.STARTED, PluginState.STOPPING);
        return retirement.retire(r, targets, proveCollection);
    }

    /**
     * Retires every given generation without the collection proof, for closing the host; returns when each is
     * retired or was given up on and reported (see {@link HostClose}).
     */
    void retireAll(Map<PluginRecord, List<CallTarget>> generations) {
        List<HostClose.Retiring> all = new ArrayList<>();
        generations.forEach((r, targets) -> all.add(new HostClose.Retiring(r, () -> retire(r, targets, false))));
        HostClose.retireAll(all, HostClose.bound(config.stopTimeout()));
    }

    /** Retires every started generation of a closing host, dependents before what they depend on. */
    void retireEverything(HostRecords state) {
        Map<PluginRecord, List<CallTarget>> serving = new LinkedHashMap<>();
        state.retireAllSlots().forEach(r -> serving.put(r.record(), r.targets()));
        List<List<PluginRecord>> levels = DependencyLinks.levels(state.all());
        for (int i = levels.size() - 1; i >= 0; i--) {
            Map<PluginRecord, List<CallTarget>> level = new LinkedHashMap<>();
            levels.get(i).stream().filter(serving::containsKey).forEach(r -> level.put(r, serving.get(r)));
            retireAll(level);
        }
    }

    /** Stops watching unloaded class loaders, for a closing host. */
    void stopWatching() {
        watch.close();
    }

    /** Drops a generation that never served: executors down, child stopped, loader closed. */
    static void discard(PluginRecord r) {
        Detached d = r.detach();
        d.stopExecution();
        d.closeLoader();
    }

    /** How the host puts a loaded generation into service. */
    @FunctionalInterface
    interface Activator {
        /**
         * Puts {@code next} into service and makes it {@code STARTED} in one step (see
         * {@link PluginRecord#startIf}) if it is still {@code STARTING}; false, changing nothing, when it is not. When
         * it throws, nothing was put into service.
         */
        boolean activate(PluginRecord next);
    }
}
