package dev.plinth.remote;

import dev.plinth.runtime.PluginException;

/** A child did not come up; {@code permanent} when trying again cannot help (the plugin itself is refused). */
final class StartFailure extends PluginException {
    private static final long serialVersionUID = 1L;

    final boolean permanent;

    StartFailure(String pluginId, String message, boolean permanent, Throwable cause) {
        super(pluginId, message, cause);
        this.permanent = permanent;
    }
}
