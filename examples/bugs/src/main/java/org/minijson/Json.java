package org.minijson;

/**
 * The host's copy of a small JSON library, version 1.0: on the host's class path next to the host API, as any
 * application's libraries are. A plugin of bug 11 bundles version 2.0 of it.
 */
public final class Json {
    private Json() {
    }

    /** The text as a JSON string literal. */
    public static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
