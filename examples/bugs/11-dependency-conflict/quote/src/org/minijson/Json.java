package org.minijson;

/** minijson 2.0, bundled in the plugin's jar. 2.0 added the ASCII-only option; the host ships 1.0. */
public final class Json {
    private Json() {
    }

    /** The text as a JSON string literal. */
    public static String quote(String text) {
        return quote(text, false);
    }

    /** New in 2.0: the text as a JSON string literal, non-ASCII characters escaped when {@code ascii}. */
    public static String quote(String text, boolean ascii) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (ascii && c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
