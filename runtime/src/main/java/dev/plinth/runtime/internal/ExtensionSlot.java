package dev.plinth.runtime.internal;

import dev.plinth.runtime.PluginUnavailableException;
import java.util.Objects;

/**
 * Not API. What a generated extension handle calls through: the current generation of one extension, swapped
 * atomically on reload and cleared on unload, so a handle held by the host never pins a retired plugin.
 *
 * <h2>Threading</h2>
 * {@link #enter} is one volatile read. {@link #install} and {@link #retire} may race with calls: each call runs
 * entirely on the one generation it read (from the slot, or from the handle's direct reference, which install and
 * retire clear before they change the slot and set only for a generation that needs no context class loader); the
 * runtime releases a retired generation only once no thread is in a call to it.
 */
public final class ExtensionSlot {
    private final String pluginId;
    private final String extension;
    private volatile CallTarget target;
    private volatile HandleBase[] handles = new HandleBase[0];
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
        CallTarget next = new CallTarget(Objects.requireNonNull(instance, "instance == null"), loader);
        direct(null);
        target = next;
        if (loader == null) {
            direct(instance);
        }
        return previous;
    }

    /** Stops serving calls; returns the generation that was serving, or null if none. */
    public CallTarget retire(String reason) {
        this.retiredBecause = reason;
        CallTarget previous = target;
        direct(null);
        target = null;
        return previous;
    }

    /**
     * Registers a handle that calls through this slot: while the slot serves a generation whose calls leave the
     * context class loader alone, the handle holds that instance and calls it without reading the slot.
     */
    synchronized void bind(HandleBase handle) {
        HandleBase[] more = java.util.Arrays.copyOf(handles, handles.length + 1);
        more[handles.length] = handle;
        handles = more;
        CallTarget t = target;
        handle.direct(t != null && t.loader == null ? t.instance : null);
    }

    private void direct(Object instance) {
        for (HandleBase h : handles) {
            h.direct(instance);
        }
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
