package com.acme.plugin;

import com.acme.api.Filter;

/** Plugin beta, generated from the team's plugin template: same package, same class name as every other plugin. */
public final class PluginFilter implements Filter {
    @Override
    public String apply(String text) {
        return "beta:" + text;
    }
}
