package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops plugins, each on its own daemon thread, with time-outs: one plugin that throws or hangs ends in
 * {@code FAILED} and never blocks the host or the other plugins past the time-out.
 */
final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostConfig config;
    private final PluginLoader loader;
    private final Runnable registryChanged;

    Lifecycle(HostConfig config, PluginLoader loader, Runnable registryChanged) {
        this.config = config;
        this.loader = loader;
        this.registryChanged = registryChanged;
    }

    /** Starts every {@code RESOLVED} plugin concurrently; returns when each has started, failed or timed out. */
    void startAll(List<PluginRecord> records) {
        Map<PluginRecord, CompletableFuture<Void>> running = new LinkedHashMap<>();
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        for (PluginRecord r : records) {
            if (r.transition(PluginState.RESOLVED, PluginState.STARTING)) {
                running.put(r, spawn("plinth-start-" + r.id(), r, () -> startOne(r)));
            }
        }
        running.forEach((r, done) -> {
            try {
                done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                Finding timeout = Timeouts.startTimeout(r, config.startTimeout());
                if (r.failIf(PluginState.STARTING, timeout, null)) {
                    LOG.error("{}", timeout);
                    r.worker.interrupt();
                    release(r, "plugin " + r.id() + " failed to start");
                }
            } catch (ExecutionException e) {
                LOG.error("plugin {}: start thread failed", r.id(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void startOne(PluginRecord r) {
        try {
            loader.load(r);
            if (r.transition(PluginState.STARTING, PluginState.STARTED)) {
                LOG.info("loaded plugin {} from {} (sha256 {}, Java {} class files, loader {})",
                        r.descriptor.coordinates(), r.path, r.sha256, r.javaRelease, r.loaderName());
                registryChanged.run();
            } else {
                release(r, "plugin " + r.id() + " failed to start"); // timed out meanwhile: FAILED, must not serve
            }
        } catch (StartFailure f) {
            failed(r, f.finding, f.getCause());
        } catch (RuntimeException | Error e) {
            failed(r, Finding.error(FindingCode.START_FAILED, r.id(), Location.of(r.path),
                    r.id() + ": failed while starting: " + e, "see the cause in PluginInfo.failure()"), e);
        }
    }

    private void failed(PluginRecord r, Finding finding, Throwable cause) {
        if (r.failIf(PluginState.STARTING, finding, cause)) {
            LOG.error("{}", finding);
            LOG.debug("plugin {}: cause of the failure", r.id(), cause);
            release(r, "plugin " + r.id() + " failed to start");
        }
    }

    /** Stops every {@code STARTED} plugin concurrently, each bounded by the stop time-out, then unloads it. */
    void stopAll(List<PluginRecord> records) {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        List<PluginRecord> stopped = new ArrayList<>();
        for (PluginRecord r : records) {
            if (r.transition(PluginState.STARTED, PluginState.STOPPING)) {
                r.extensions.forEach(e -> e.slot().retire("plugin " + r.id() + " is stopping"));
                stopped.add(r);
            }
        }
        registryChanged.run();
        for (PluginRecord r : stopped) {
            stopping.add(spawn("plinth-stop-" + r.id(), r, () -> stopOne(r)));
        }
        long deadline = System.nanoTime() + config.stopTimeout().toNanos();
        for (int i = 0; i < stopped.size(); i++) {
            PluginRecord r = stopped.get(i);
            try {
                stopping.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                Finding f = Timeouts.stopTimeout(r, config.stopTimeout());
                r.add(f);
                LOG.warn("{}", f);
                r.worker.interrupt();
            } catch (ExecutionException e) {
                LOG.error("plugin {}: stop thread failed", r.id(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r.transition(PluginState.STOPPING, PluginState.STOPPED);
            release(r, "plugin " + r.id() + " was unloaded");
            if (r.transition(PluginState.STOPPED, PluginState.UNLOADED)) {
                LOG.info("unloaded plugin {} ({})", r.descriptor.coordinates(), r.path);
            }
        }
    }

    private static void stopOne(PluginRecord r) {
        r.context.signalStopping();
        if (r.lifecycle == null) {
            return;
        }
        String type = r.lifecycle.getClass().getName();
        r.phase = new Phase(type, "stop()");
        try {
            r.lifecycle.stop();
        } catch (Exception | LinkageError e) {
            Finding f = Finding.warning(FindingCode.STOP_FAILED, r.id(), Location.type(r.path, type).member("stop()"),
                    type + ".stop(): threw " + e, "release resources without throwing; the plugin is unloaded anyway");
            r.add(f);
            LOG.warn("{}", f, e);
        } finally {
            r.phase = Phase.NONE;
        }
    }

    /** Retires the plugin's extensions, shuts its executors down and closes its loader; safe to repeat. */
    private static void release(PluginRecord r, String reason) {
        List<PluginRecord.LoadedExtension> extensions;
        ManagedContext context;
        PluginClassLoader classLoader;
        synchronized (r) {
            extensions = r.extensions;
            context = r.context;
            classLoader = r.loader;
            r.extensions = List.of();
            r.lifecycle = null;
            r.context = null;
            r.loader = null;
        }
        extensions.forEach(e -> e.slot().retire(reason));
        try {
            if (context != null && !context.shutdownExecutors(Duration.ofSeconds(1))) {
                LOG.warn("plugin {}: managed executor threads still running after shutdown", r.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (classLoader != null) {
            try {
                classLoader.close();
            } catch (IOException e) {
                LOG.warn("plugin {}: closing its class loader failed", r.id(), e);
            }
        }
    }

    private static CompletableFuture<Void> spawn(String name, PluginRecord r, Runnable body) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        r.worker = t;
        t.start();
        return done;
    }
}
