package dev.plinth.cli;

import dev.plinth.verify.Finding;
import dev.plinth.verify.Location;
import dev.plinth.verify.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The doctor's JSON report; the shape is documented in {@code docs/cli.md} and only ever grows.
 *
 * <pre>{@code
 * {"tool": "plinth", "version": "...", "hostApi": {"sharedPackages": [...], "classpath": [...]},
 *  "plugins": [{"id", "version", "path", "sha256",
 *               "findings": [{"code", "severity", "plugin", "file", "entry", "class", "member",
 *                             "message", "fix", "seedBug"}]}],
 *  "summary": {"plugins", "errors", "warnings", "notes", "info"}}
 * }</pre>
 *
 * <p>{@code summary.info} counts the findings whose {@code severity} is {@code info}; {@code summary.notes} is the
 * same number under the name it had first, kept because fields are never renamed or removed.
 */
final class JsonReport {
    private JsonReport() {
    }

    static String render(DoctorReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "plinth");
        root.put("version", report.toolVersion());
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("sharedPackages", List.copyOf(report.host().sharedPackages()));
        host.put("classpath", report.host().classpath().stream().map(Object::toString).toList());
        root.put("hostApi", host);
        List<Object> plugins = new ArrayList<>();
        for (PluginReport plugin : report.plugins()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", plugin.id());
            p.put("version", plugin.version());
            p.put("path", plugin.path().toString());
            p.put("sha256", plugin.sha256());
            p.put("findings", plugin.findings().stream().map(JsonReport::finding).toList());
            plugins.add(p);
        }
        root.put("plugins", plugins);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("plugins", report.plugins().size());
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("notes", report.count(Severity.INFO));
        summary.put("info", report.count(Severity.INFO));
        root.put("summary", summary);
        return Json.write(root);
    }

    private static Object finding(Finding f) {
        Location at = f.location();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code().id());
        m.put("severity", f.severity().label());
        m.put("plugin", f.plugin());
        m.put("file", at.file().toString());
        m.put("entry", at.entry());
        m.put("class", at.type());
        m.put("member", at.member());
        m.put("message", f.message());
        m.put("fix", f.fix());
        m.put("seedBug", f.code().seedBug());
        return m;
    }
}
