package dev.plinth.runtime;

import dev.plinth.runtime.internal.CallTarget;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops generations of plugins, each on its own daemon thread, with time-outs: one plugin that throws or
 * hangs ends in {@code FAILED} and never blocks the host or the other plugins past the time-out.
 */
final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostConfig config;
    private final PluginLoader loader;
    private final Retirement retirement;
    private final Events events;

    Lifecycle(HostConfig config, PluginLoader loader, Events events) {
        this.config = config;
        this.loader = loader;
        this.events = events;
        this.retirement = new Retirement(config, events);
    }

    /**
     * Starts every {@code RESOLVED} plugin concurrently; {@code onStarted} receives each that loaded, on its start
     * thread, and must activate it. Returns when each has started, failed or timed out.
     */
    void startAll(List<PluginRecord> records, BiConsumer<PluginRecord, Runnable> onStarted) {
        Map<PluginRecord, CompletableFuture<Void>> running = new LinkedHashMap<>();
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        for (PluginRecord r : records) {
            if (r.transition(PluginState.RESOLVED, PluginState.STARTING)) {
                running.put(r, PluginThreads.spawn("plinth-start-" + r.id(), r, () -> startOne(r, onStarted)));
            }
        }
        running.forEach((r, done) -> await(r, done, deadline));
    }

    /** Starts one {@code RESOLVED} generation and waits for it; true when it is {@code STARTED}. */
    boolean startAndWait(PluginRecord r, BiConsumer<PluginRecord, Runnable> onStarted) {
        if (!r.transition(PluginState.RESOLVED, PluginState.STARTING)) {
            return false;
        }
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        await(r, PluginThreads.spawn("plinth-start-" + r.id(), r, () -> startOne(r, onStarted)), deadline);
        return r.state() == PluginState.STARTED;
    }

    private void await(PluginRecord r, CompletableFuture<Void> done, long deadline) {
        try {
            done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            Finding timeout = Timeouts.startTimeout(r, config.startTimeout());
            if (r.failIf(PluginState.STARTING, timeout, null)) {
                LOG.error("{}", timeout);
                r.worker.interrupt();
                discard(r);
                events.failed(r.snapshot());
            }
        } catch (ExecutionException e) {
            LOG.error("plugin {}: start thread failed", r.id(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startOne(PluginRecord r, BiConsumer<PluginRecord, Runnable> onStarted) {
        try {
            loader.load(r);
            // the host activates the generation and publishes it atomically with the state change
            onStarted.accept(r, () -> {
                if (!r.transition(PluginState.STARTING, PluginState.STARTED)) {
                    throw new IllegalStateException("timed out");
                }
            });
            LOG.info("loaded plugin {} from {} (sha256 {}, Java {} class files, loader {})",
                    r.descriptor.coordinates(), r.path, r.sha256, r.javaRelease, r.loaderName());
            events.loaded(r.snapshot());
        } catch (StartFailure f) {
            failed(r, f.finding, f.getCause());
        } catch (IllegalStateException timedOut) {
            discard(r); // timed out meanwhile: FAILED, must not serve
        } catch (RuntimeException | Error e) {
            failed(r, Finding.error(FindingCode.START_FAILED, r.id(), Location.of(r.path),
                    r.id() + ": failed while starting: " + e, "see the cause in PluginInfo.failure()"), e);
        }
    }

    private void failed(PluginRecord r, Finding finding, Throwable cause) {
        if (r.failIf(PluginState.STARTING, finding, cause)) {
            LOG.error("{}", finding);
            LOG.debug("plugin {}: cause of the failure", r.id(), cause);
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
     * Retires every given generation, a few at a time, without the collection proof; for closing the host. Each
     * retirement reads every thread's stack, so running them all at once would only make each one slower.
     */
    void retireAll(Map<PluginRecord, List<CallTarget>> generations) {
        if (generations.isEmpty()) {
            return;
        }
        AtomicInteger workers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, generations.size()), task -> {
            Thread t = new Thread(task, "plinth-unload-" + workers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        generations.forEach((r, targets) -> pool.execute(() -> retire(r, targets, false)));
        pool.shutdown();
        long perPlugin = config.stopTimeout().multipliedBy(2).plusSeconds(3).toNanos();
        long bound = perPlugin + (long) Math.ceil(generations.size() / 4.0) * TimeUnit.MILLISECONDS.toNanos(50);
        try {
            if (!pool.awaitTermination(bound, TimeUnit.NANOSECONDS)) {
                LOG.warn("close: some plugins were still unloading after {}",
                        Timeouts.format(Duration.ofNanos(bound)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops a generation that never served: executors down, child stopped, loader closed. */
    static void discard(PluginRecord r) {
        Detached d = r.detach();
        d.stopExecution();
        d.closeLoader();
    }
}
