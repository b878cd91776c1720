package dev.plinth.verify;

/** How bad a finding is: an {@code ERROR} keeps the plugin from loading, a {@code WARNING} does not. */
public enum Severity {
    /** The plugin is not loaded (or the build fails). */
    ERROR,
    /** The plugin loads; the finding names a risk or something Plinth worked around. */
    WARNING,
    /** Context worth a line in a report. */
    INFO;

    /** The lower-case label used in text, JSON and SARIF output. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
