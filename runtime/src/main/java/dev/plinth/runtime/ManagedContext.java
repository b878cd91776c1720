package dev.plinth.runtime;

import dev.plinth.api.PluginContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The host's {@link PluginContext}: executors are created on first use, run threads named
 * {@code plugin-<id>-<n>} with the plugin's loader as context class loader, and are shut down by the host.
 *
 * <h2>Threading</h2>
 * Safe from any thread; executor creation is guarded by {@code this}.
 */
final class ManagedContext implements PluginContext {
    private final String id;
    private final String version;
    private final Map<String, String> configuration;
    private final Path dataDirectory;
    private final ClassLoader loader;
    private final System.Logger logger;
    private final Function<Class<?>, List<Object>> pluginExtensions;
    private final CompletableFuture<Void> stopping = new CompletableFuture<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final List<ExecutorService> executors = new ArrayList<>();
    private ExecutorService executor;
    private ScheduledExecutorService scheduler;

    ManagedContext(String id, String version, Map<String, String> configuration, Path dataDirectory,
                   ClassLoader loader, Function<Class<?>, List<Object>> pluginExtensions) {
        this.pluginExtensions = pluginExtensions;
        this.id = id;
        this.version = version;
        this.configuration = Map.copyOf(configuration);
        this.dataDirectory = dataDirectory;
        this.loader = loader;
        this.logger = new Slf4jSystemLogger(id);
    }

    @Override
    public <T> List<T> extensions(Class<T> type) {
        return pluginExtensions.apply(java.util.Objects.requireNonNull(type, "type == null")).stream()
                .map(type::cast).toList();
    }

    @Override
    public String pluginId() {
        return id;
    }

    @Override
    public String pluginVersion() {
        return version;
    }

    @Override
    public Map<String, String> configuration() {
        return configuration;
    }

    @Override
    public Path dataDirectory() {
        try {
            return Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(id + ": cannot create data directory " + dataDirectory, e);
        }
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public synchronized ExecutorService executor() {
        if (executor == null) {
            executor = track(Executors.newCachedThreadPool(threadFactory()));
        }
        return executor;
    }

    @Override
    public synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, threadFactory());
            s.setRemoveOnCancelPolicy(true);
            scheduler = (ScheduledExecutorService) track(s);
        }
        return scheduler;
    }

    @Override
    public boolean isStopping() {
        return stopping.isDone();
    }

    @Override
    public CompletionStage<Void> stopping() {
        return stopping.minimalCompletionStage();
    }

    void signalStopping() {
        stopping.complete(null);
    }

    /** Shuts the managed executors down, waiting up to {@code grace}; returns whether all threads ended. */
    boolean shutdownExecutors(Duration grace) throws InterruptedException {
        List<ExecutorService> all;
        synchronized (this) {
            all = List.copyOf(executors);
        }
        all.forEach(ExecutorService::shutdownNow);
        long deadline = System.nanoTime() + grace.toNanos();
        boolean ended = true;
        for (ExecutorService e : all) {
            ended &= e.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        return ended;
    }

    private ExecutorService track(ExecutorService e) {
        executors.add(e);
        return e;
    }

    private ThreadFactory threadFactory() {
        return runnable -> {
            Thread t = new Thread(runnable, "plugin-" + id + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        };
    }
}
