package dev.plinth.runtime;

import java.util.Objects;

/**
 * The root of Plinth's unchecked exceptions: something about a named plugin went wrong at run time.
 *
 * <p>Bad plugins do not throw at the host: they end in {@link PluginState#FAILED} with findings. This exception
 * reaches host code only from a call into a plugin that can no longer serve it, and as the {@link PluginFailure} a
 * failed plugin's {@link PluginInfo#failure()} holds.
 */
public class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The id of the plugin concerned. */
    private final String pluginId;

    /** A failure concerning {@code pluginId}. */
    public PluginException(String pluginId, String message, Throwable cause) {
        super(message, cause);
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId == null");
    }

    /** The id of the plugin concerned. */
    public String pluginId() {
        return pluginId;
    }
}
