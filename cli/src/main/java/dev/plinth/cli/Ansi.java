package dev.plinth.cli;

import dev.plinth.verify.Severity;

/** ANSI styles for the text report, rustc's palette; a disabled instance returns text unchanged. */
final class Ansi {
    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    String severity(Severity severity, String text) {
        return switch (severity) {
            case ERROR -> style("1;31", text);
            case WARNING -> style("1;33", text);
            case INFO -> style("1;36", text);
        };
    }

    String bold(String text) {
        return style("1", text);
    }

    String gutter(String text) {
        return style("1;34", text);
    }

    private String style(String code, String text) {
        return enabled ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
