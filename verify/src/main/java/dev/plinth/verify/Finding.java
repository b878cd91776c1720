package dev.plinth.verify;

import java.util.Objects;

/**
 * One problem Plinth reports: a stable code, a severity, the plugin, where it is, a one-line message in
 * {@code subject: problem} form, and how to fix it.
 *
 * @param code     the stable code; {@code plinth explain CODE} prints its long form
 * @param severity whether the plugin can still load
 * @param plugin   the plugin id, or the jar's file name before an id is known
 * @param location the file, entry, class and member
 * @param message  one line, {@code subject: problem}
 * @param fix      one line telling the reader what to change
 */
public record Finding(FindingCode code, Severity severity, String plugin, Location location, String message,
                      String fix) {

    /** Checks that every part but the fix is given. */
    public Finding {
        Objects.requireNonNull(code, "code == null");
        Objects.requireNonNull(severity, "severity == null");
        Objects.requireNonNull(plugin, "plugin == null");
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(message, "message == null");
        fix = fix == null ? "" : fix;
    }

    /** An error finding. */
    public static Finding error(FindingCode code, String plugin, Location location, String message, String fix) {
        return new Finding(code, Severity.ERROR, plugin, location, message, fix);
    }

    /** A warning finding. */
    public static Finding warning(FindingCode code, String plugin, Location location, String message, String fix) {
        return new Finding(code, Severity.WARNING, plugin, location, message, fix);
    }

    /** An informational finding: context for a report, never a reason to refuse a plugin. */
    public static Finding info(FindingCode code, String plugin, Location location, String message, String fix) {
        return new Finding(code, Severity.INFO, plugin, location, message, fix);
    }

    /** Whether this finding keeps the plugin from loading. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** This finding attributed to another plugin id, e.g. once the id is known. */
    public Finding withPlugin(String pluginId) {
        return new Finding(code, severity, pluginId, location, message, fix);
    }

    /** The one-line form used in logs: {@code error[entry-point] uppercase: message (fix: ...)}. */
    @Override
    public String toString() {
        return severity.label() + "[" + code.id() + "] " + plugin + ": " + message
                + (fix.isEmpty() ? "" : " (fix: " + fix + ")");
    }
}
