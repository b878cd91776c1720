package dev.plinth.runtime.internal;

import dev.plinth.runtime.PluginUnavailableException;
import java.util.Objects;

/**
 * Not API. What a generated extension handle calls through: the current generation of one extension, swapped
 * atomically on reload and cleared on unload, so a handle held by the host never pins a retired plugin.
 *
 * <h2>Threading</h2>
 * {@link #enter} is one volatile read. {@link #install} and {@link #retire} may race with calls: each call runs
 * entirely on the one generation it read; the runtime releases a retired generation only once no thread is in a
 * call to it.
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

    /** The generation a call should use; throws when the plugin no longer serves calls. */
    public CallTarget enter() {
        CallTarget t = target;
        if (t == null) {
            throw new PluginUnavailableException(pluginId, unavailable()
                    + "; get a fresh handle from PluginHost.extensions");
        }
        return t;
    }

    /** The generation new calls use, or null when the plugin no longer serves calls; never throws. */
    public CallTarget current() {
        return target;
    }

    /** Why calls are not served, e.g. {@code com.acme.Filter of plugin x: not available (plugin x was unloaded)}. */
    public String unavailable() {
        return extension + " of plugin " + pluginId + ": not available (" + retiredBecause + ")";
    }

    /**
     * Makes {@code instance} the generation new calls use, each with {@code loader} as the thread context class
     * loader (null: calls leave it as it is); returns the previous one, which calls already in flight may still be
     * using, or null when there was none.
     */
    public CallTarget install(Object instance, ClassLoader loader) {
        CallTarget previous = target;
        target = new CallTarget(Objects.requireNonNull(instance, "instance == null"), loader);
        return previous;
    }

    /** Stops serving calls; returns the generation that was serving, or null if none. */
    public CallTarget retire(String reason) {
        this.retiredBecause = reason;
        CallTarget previous = target;
        target = null;
        return previous;
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
