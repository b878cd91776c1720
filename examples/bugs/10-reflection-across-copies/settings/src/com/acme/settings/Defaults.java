package com.acme.settings;

/** The plugin's settings, created by name by the binding library. */
public final class Defaults {
    /** What the filter puts before each text. */
    public String prefix() {
        return "settings> ";
    }
}
