package dev.plinth.api;

/**
 * The optional lifecycle of a plugin: the host calls {@link #start} once after loading and {@link #stop} once
 * before unloading.
 *
 * <p>Register the implementation in {@code META-INF/services/dev.plinth.api.Plugin}; at most one per plugin. A
 * plugin without one is still loaded; its extensions are plain ServiceLoader providers.
 *
 * <h2>Why start, not a static initializer</h2>
 * Plinth runs no plugin code while discovering or verifying. I/O belongs in {@code start}, where a failure or a
 * time-out puts only this plugin in {@code FAILED}; I/O in a static initializer is reported by {@code plinth
 * doctor} as {@code static-init-io}.
 *
 * <h2>Threading</h2>
 * {@code start} and {@code stop} are called on a host thread whose context class loader is the plugin's; they are
 * never called concurrently with each other. Both are bounded by the host's time-out.
 */
public interface Plugin {

    /**
     * Acquires what the plugin needs: connections, files, background tasks (on {@link PluginContext#executor()}).
     *
     * @param context the plugin's view of the host; valid until {@link #stop} returns
     * @throws Exception any failure; the plugin then ends in {@code FAILED} with the exception as its cause
     */
    default void start(PluginContext context) throws Exception {
    }

    /**
     * Releases what {@link #start} acquired. Executors handed out by the context are shut down after this returns.
     *
     * @throws Exception any failure; it is reported, and the plugin is unloaded all the same
     */
    default void stop() throws Exception {
    }
}
