package com.acme.filters.redact;

import dev.plinth.api.Extension;
import dev.plinth.api.Plugin;
import dev.plinth.api.PluginContext;

/** Reads the mask from the plugin's configuration at start, not in a static initializer. */
@Extension
public final class RedactPlugin implements Plugin {
    private static volatile String mask = "#";

    static String mask() {
        return mask;
    }

    @Override
    public void start(PluginContext context) {
        mask = context.configuration().getOrDefault("mask", "#");
        context.logger().log(System.Logger.Level.INFO, "masking digits with ''{0}''", mask);
    }
}
