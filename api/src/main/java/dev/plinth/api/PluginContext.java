package dev.plinth.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A plugin's view of its host: identity, configuration, a private data directory, a logger, and executors whose
 * threads the host owns and stops when the plugin stops.
 *
 * <h2>Threads</h2>
 * Run background work on {@link #executor()} or {@link #scheduler()}. The host shuts both down after
 * {@link Plugin#stop()}, so their threads can never outlive the plugin and pin its class loader. Threads a plugin
 * creates itself are found at unload, interrupted, and reported as {@code thread-leak}.
 *
 * <h2>Threading</h2>
 * All methods are safe to call from any thread.
 */
public interface PluginContext {

    /** The plugin id, from the {@code Plugin-Id} manifest attribute or derived from the jar's file name. */
    String pluginId();

    /** The plugin version, from {@code Plugin-Version}; {@code "0.0.0"} when the manifest has none. */
    String pluginVersion();

    /** The configuration the host gave this plugin; never null, unmodifiable. */
    Map<String, String> configuration();

    /** A directory only this plugin writes to; it exists when {@link Plugin#start} is called and survives reloads. */
    Path dataDirectory();

    /** A logger named after the plugin; the host routes it to its own logging. */
    System.Logger logger();

    /** A managed executor; the host shuts it down after {@link Plugin#stop()}. */
    ExecutorService executor();

    /** A managed scheduler; the host shuts it down after {@link Plugin#stop()}. */
    ScheduledExecutorService scheduler();

    /** Whether the host has begun stopping this plugin: long-running loops should check it and return. */
    boolean isStopping();

    /** Completes when the host begins stopping this plugin, before {@link Plugin#stop()} is called. */
    CompletionStage<Void> stopping();

    /**
     * The implementations started plugins provide of an extension point that plugins own rather than the host: an
     * interface in this plugin's jar (or a plugin's it depends on) that plugins depending on its owner list in
     * {@code META-INF/services/<interface>}. Ordered by {@code @Extension(ordinal)}, then plugin id, then the order
     * of the services file. Ask again on each use rather than keeping the list: it follows reloads and unloads, and
     * an instance kept after its plugin was unloaded keeps that plugin's classes in memory. Plugins that depend on
     * this one start after it, so their implementations appear only once they have started.
     *
     * @return the implementations; empty when there are none, and from a host that does not support it
     */
    default <T> List<T> extensions(Class<T> type) {
        return List.of();
    }
}
