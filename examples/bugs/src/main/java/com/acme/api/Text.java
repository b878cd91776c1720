package com.acme.api;

/**
 * Text helpers the host API offers plugins, version 1.0. Version 2.0 added {@code normalize(String, Locale)}; see
 * {@code 01-api-version-skew/api-v2} for the copy a plugin was compiled against.
 */
public final class Text {
    private Text() {
    }

    /** The text without leading and trailing white space. */
    public static String normalize(String text) {
        return text.strip();
    }
}
