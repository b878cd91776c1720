package dev.plinth.cli;

import dev.plinth.verify.Finding;
import dev.plinth.verify.Location;

/**
 * The doctor's human-readable report, shaped like rustc's diagnostics.
 *
 * <pre>
 * error[entry-point]: com.acme.Filter: provider com.acme.Uppercse not found in uppercase.jar
 *   --&gt; /abs/plugins/uppercase.jar!META-INF/services/com.acme.Filter
 *   = plugin: uppercase
 *   = fix: did you mean com.acme.Uppercase?
 * </pre>
 */
final class TextReport {
    private final Ansi ansi;
    private final StringBuilder out = new StringBuilder();

    private TextReport(boolean colour) {
        this.ansi = new Ansi(colour);
    }

    static String render(DoctorReport report, boolean colour) {
        return new TextReport(colour).write(report);
    }

    private String write(DoctorReport report) {
        HostSpec host = report.host();
        line("host API packages: " + String.join(", ", host.sharedPackages()));
        line("host class path:   " + (host.classpath().isEmpty() ? "(JDK only)"
                : String.join(", ", host.classpath().stream().map(Object::toString).toList())));
        for (PluginReport plugin : report.plugins()) {
            line("");
            line(ansi.bold("plugin " + plugin.id() + (plugin.version().isEmpty() ? "" : " " + plugin.version())));
            line("  path   " + plugin.path());
            line("  sha256 " + (plugin.sha256().isEmpty() ? "-" : plugin.sha256()));
            if (plugin.findings().isEmpty()) {
                line("  ok: no findings");
            }
            for (Finding finding : plugin.findings()) {
                line("");
                finding(finding);
            }
        }
        line("");
        line(ansi.bold(report.summaryLine()));
        return out.toString();
    }

    private void finding(Finding f) {
        Location at = f.location();
        line(ansi.severity(f.severity(), f.severity().label() + "[" + f.code().id() + "]")
                + ansi.bold(": " + f.message()));
        line("  " + ansi.gutter("-->") + " " + at.fileAndEntry());
        note("plugin", f.plugin());
        note("class", at.type());
        note("member", at.readableMember());
        note("fix", f.fix().isEmpty() ? null : f.fix());
    }

    private void note(String label, String value) {
        if (value != null) {
            line("  " + ansi.gutter("=") + " " + label + ": " + value);
        }
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
