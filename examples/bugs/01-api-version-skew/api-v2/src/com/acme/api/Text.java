package com.acme.api;

import java.util.Locale;

/** Text helpers, API 2.0: adds a locale-aware normalize. The plugin was rebuilt against this; the host was not. */
public final class Text {
    private Text() {
    }

    /** The text without leading and trailing white space. */
    public static String normalize(String text) {
        return text.strip();
    }

    /** New in 2.0: stripped, with runs of white space collapsed, lower-cased for the locale. */
    public static String normalize(String text, Locale locale) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(locale);
    }
}
