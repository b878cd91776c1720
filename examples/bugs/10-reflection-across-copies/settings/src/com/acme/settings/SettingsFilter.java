package com.acme.settings;

import com.acme.api.Filter;
import org.tinybind.Binder;

/** Prefixes texts with a setting the bundled binding library creates by class name. */
public final class SettingsFilter implements Filter {
    @Override
    public String apply(String text) {
        Defaults defaults = (Defaults) Binder.create("com.acme.settings.Defaults");
        String tccl = Thread.currentThread().getContextClassLoader().getName();
        return defaults.prefix() + text + " (context loader " + tccl + ")";
    }
}
