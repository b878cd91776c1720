package dev.plinth.runtime.internal;

import dev.plinth.runtime.PluginUnavailableException;
import java.util.Objects;

/**
 * Not API. What a generated extension handle calls through: the current generation of one extension, swapped
 * atomically on reload and cleared on unload, so a handle held by the host never pins a retired plugin.
 *
 * <h2>Threading</h2>
 * {@link #enter} is a volatile read and a counter increment. {@link #install} and {@link #retire} may race with
 * calls: each call runs entirely on one generation, and a retired generation is only released once its calls in
 * flight have returned (see {@link #drain}).
 */
public final class ExtensionSlot {
    private final String pluginId;
    private final String extension;
    private volatile CallTarget target;
    private volatile String retiredBecause = "not started";

    /** A slot for one extension of one plugin, e.g. {@code ("uppercase", "com.acme.Filter")}. */
    public ExtensionSlot(String pluginId, String extension) {
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId == null");
        this.extension = Objects.requireNonNull(extension, "extension == null");
    }

    /** The generation a call should use, registered as in flight; throws when the plugin no longer serves calls. */
    public CallTarget enter() {
        while (true) {
            CallTarget t = target;
            if (t == null) {
                throw new PluginUnavailableException(pluginId, extension + " of plugin " + pluginId
                        + ": not available (" + retiredBecause + "); get a fresh handle from PluginHost.extensions");
            }
            if (t.tryEnter()) {
                return t;
            }
            Thread.onSpinWait(); // that generation was just swapped out: read the slot again
        }
    }

    /**
     * Makes {@code instance} (of {@code loader}) the generation new calls use and closes the previous one, which is
     * returned so the caller can {@link #drain} it; null when there was none.
     */
    public CallTarget install(Object instance, ClassLoader loader) {
        CallTarget previous = target;
        target = new CallTarget(Objects.requireNonNull(instance, "instance == null"), loader);
        if (previous != null) {
            previous.close();
        }
        return previous;
    }

    /** Stops serving calls and closes the current generation, which is returned for draining; null if none. */
    public CallTarget retire(String reason) {
        this.retiredBecause = reason;
        CallTarget previous = target;
        target = null;
        if (previous != null) {
            previous.close();
        }
        return previous;
    }

    /** Waits until a closed generation has no call in flight, up to the deadline; true when it is idle. */
    public static boolean drain(CallTarget generation, long deadlineNanos) {
        return generation == null || generation.awaitIdle(deadlineNanos);
    }

    /** How many calls a generation has in flight. */
    public static long inFlight(CallTarget generation) {
        return generation == null ? 0 : generation.inFlight();
    }

    /** The instance currently served, or null. */
    public Object currentInstance() {
        CallTarget t = target;
        return t == null ? null : t.instance;
    }

    /** The plugin id. */
    public String pluginId() {
        return pluginId;
    }

    /** The extension interface's name. */
    public String extension() {
        return extension;
    }
}
