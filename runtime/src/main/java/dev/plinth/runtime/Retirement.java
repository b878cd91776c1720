package dev.plinth.runtime;

import dev.plinth.api.Plugin;
import dev.plinth.runtime.internal.CallTarget;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one generation of a plugin out of service: drains its calls, runs {@code stop}, shuts its executors down,
 * stops the threads it left and undoes its JVM registrations, closes its loader, and optionally proves the loader
 * was collected. Every step is bounded; what it finds is in the {@link UnloadReport}.
 */
final class Retirement {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostConfig config;
    private final Events events;
    private final CollectionWatch watch;

    Retirement(HostConfig config, Events events, CollectionWatch watch) {
        this.config = config;
        this.events = events;
        this.watch = watch;
    }

    /**
     * Retires {@code r}, already {@code STOPPING}, whose retired call targets are {@code targets}; empties that list,
     * since it must not keep the plugin reachable.
     */
    UnloadReport retire(PluginRecord r, List<CallTarget> targets, boolean proveCollection) {
        long began = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        long running = CallDrain.await(r.loaderName(), r.isolation == Isolation.PROCESS,
                began + config.stopTimeout().toNanos());
        targets.clear(); // they hold the plugin's instances: drop them before the collection proof
        if (running > 0) {
            findings.add(Finding.warning(FindingCode.STOP_FAILED, r.id(), Location.of(r.path), r.id() + ": "
                    + running + " calls still running " + Timeouts.format(config.stopTimeout()) + " after unload"
                    + " began; unloading anyway", "make extension calls return promptly"));
        }
        stop(r, findings);
        String loaderName = r.loaderName();
        WeakReference<ClassLoader> ref = release(r, loaderName, findings);
        r.transition(PluginState.STOPPING, PluginState.STOPPED);
        r.transition(PluginState.STOPPED, PluginState.UNLOADED);
        boolean proving = proveCollection && ref != null;
        boolean collected = proving && CollectionProof.awaitCollected(ref, config.leakCheckTimeout());
        String holders = LoaderLeaks.holders(findings);
        boolean undecided = proving && !collected && holders.isEmpty(); // not proven either way: watch it
        if (proving && !collected && !holders.isEmpty()) {
            findings.add(LoaderLeaks.finding(r, loaderName, holders, config.leakCheckTimeout(), config));
        }
        r.add(findings);
        // thread-leak findings were logged as they were made, each with its thread's stack
        findings.stream().filter(f -> f.code() != FindingCode.THREAD_LEAK).forEach(FindingLog::log);
        UnloadReport report = new UnloadReport(r.id(), r.descriptor.version(), loaderName, running, collected,
                proving && !undecided, findings, Duration.ofNanos(System.nanoTime() - began));
        LOG.info("unloaded plugin {} ({}){}", r.descriptor.coordinates(), r.path, !proving ? ""
                : collected ? ": class loader collected" : undecided ? ": class loader not collected yet, no holder"
                + " found; watching it for " + Timeouts.format(config.leakReportAfter())
                : ": class loader NOT collected");
        events.unloaded(r.snapshot(), report);
        if (undecided) {
            watch.watch(r, ref, report, began);
        }
        return report;
    }

    private void stop(PluginRecord r, List<Finding> findings) {
        // read once: once this method returns, detach() empties the record while a late stop thread may still run
        ManagedContext context = r.context;
        Plugin lifecycle = r.lifecycle;
        if (lifecycle == null || context == null) {
            if (context != null) {
                context.signalStopping();
            }
            return;
        }
        AtomicReference<Finding> threw = new AtomicReference<>();
        PluginThreads.Worker worker = PluginThreads.spawn("plinth-stop-" + r.id(),
                () -> threw.set(stopOne(r, context, lifecycle)));
        try {
            worker.done().get(config.stopTimeout().toNanos(), TimeUnit.NANOSECONDS);
            if (threw.get() != null) {
                findings.add(threw.get());
            }
        } catch (TimeoutException e) {
            findings.add(Timeouts.stopTimeout(r, worker.thread(), config.stopTimeout()));
            worker.thread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("plugin {}: stop thread failed", r.id(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * On the stop thread: signals stopping and runs {@code stop()} with the plugin's loader as the thread context
     * class loader, as {@code start} had it; the finding when it threw, else null.
     */
    private static Finding stopOne(PluginRecord r, ManagedContext context, Plugin lifecycle) {
        context.signalStopping();
        Thread.currentThread().setContextClassLoader(lifecycle.getClass().getClassLoader());
        String type = lifecycle.getClass().getName();
        r.phase = new Phase(type, "stop()");
        try {
            lifecycle.stop();
            return null;
        } catch (Throwable e) { // of any type: the plugin is unloaded anyway
            return Finding.warning(FindingCode.STOP_FAILED, r.id(), Location.type(r.path, type).member("stop()"),
                    type + ".stop(): threw " + e, "release resources without throwing; the plugin is unloaded anyway");
        } finally {
            r.phase = Phase.NONE;
        }
    }

    /** Drops every reference the host holds to the generation; returns a weak reference to its loader. */
    private static WeakReference<ClassLoader> release(PluginRecord r, String loaderName, List<Finding> findings) {
        Detached d = r.detach();
        d.stopExecution();
        if (d.loader == null) {
            return null;
        }
        findings.addAll(LeakedThreads.stop(r, d.loader, loaderName, Duration.ofSeconds(1)));
        findings.addAll(LeakedRegistrations.undo(r, d.loader));
        findings.addAll(LeakedThreadLocals.find(r, d.loader));
        d.closeLoader();
        return new WeakReference<>(d.loader);
    }
}
