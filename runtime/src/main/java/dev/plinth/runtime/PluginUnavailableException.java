package dev.plinth.runtime;

/**
 * Thrown by an extension handle called after its plugin stopped or was unloaded: the host kept a handle longer
 * than the plugin lived.
 */
public final class PluginUnavailableException extends PluginException {
    private static final long serialVersionUID = 1L;

    /** The plugin behind this handle is no longer started. */
    public PluginUnavailableException(String pluginId, String message) {
        super(pluginId, message, null);
    }
}
