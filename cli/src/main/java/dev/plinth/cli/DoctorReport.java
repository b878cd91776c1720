package dev.plinth.cli;

import dev.plinth.verify.Finding;
import dev.plinth.verify.Severity;
import java.util.List;

/**
 * Everything one doctor run found, ready to render as text, JSON or SARIF.
 *
 * @param toolVersion the plinth version
 * @param host        what the plugins were checked against
 * @param plugins     one report per plugin path, in command-line order
 */
record DoctorReport(String toolVersion, HostSpec host, List<PluginReport> plugins) {
    DoctorReport {
        plugins = List.copyOf(plugins);
    }

    /** How many findings of this severity the run produced. */
    long count(Severity severity) {
        return plugins.stream().flatMap(p -> p.findings().stream()).map(Finding::severity)
                .filter(severity::equals).count();
    }

    /** {@code 3 plugins checked: 1 error, 2 warnings}, plus notes when there are any. */
    String summaryLine() {
        long notes = count(Severity.INFO);
        return plural(plugins.size(), "plugin") + " checked: " + plural(count(Severity.ERROR), "error") + ", "
                + plural(count(Severity.WARNING), "warning") + (notes == 0 ? "" : ", " + plural(notes, "note"));
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
