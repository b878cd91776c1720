package dev.plinth.cli;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import dev.plinth.verify.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The doctor's report as SARIF 2.1.0, for CI code scanning: one rule per {@link FindingCode} (its index is the
 * code's ordinal), one result per finding, located at the jar's file URI with the class and member as a logical
 * location and the jar entry in the message.
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    static String render(DoctorReport report) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "plinth");
        driver.put("version", report.toolVersion());
        driver.put("rules", rules());
        List<Object> results = new ArrayList<>();
        report.plugins().forEach(p -> p.findings().forEach(f -> results.add(result(f))));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return Json.write(root);
    }

    private static List<Object> rules() {
        List<Object> rules = new ArrayList<>();
        for (FindingCode code : FindingCode.values()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", code.id());
            rule.put("shortDescription", text(code.title()));
            rule.put("fullDescription", text(code.explanation().strip()));
            rule.put("help", text("Run 'plinth explain " + code.id() + "' for the long form."));
            rule.put("properties", Map.of("seedBug", code.seedBug()));
            rules.add(rule);
        }
        return rules;
    }

    private static Object result(Finding f) {
        Location at = f.location();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", f.code().id());
        result.put("ruleIndex", f.code().ordinal());
        result.put("level", level(f.severity()));
        String entry = at.entry() == null ? "" : " (in " + at.fileAndEntry() + ")";
        String fix = f.fix().isEmpty() ? "" : " Fix: " + f.fix();
        result.put("message", text(f.message() + entry + "." + fix));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", Map.of("artifactLocation", Map.of("uri", at.file().toUri().toString())));
        if (at.type() != null) {
            Map<String, Object> logical = new LinkedHashMap<>();
            logical.put("fullyQualifiedName", at.member() == null ? at.type() : at.type() + "." + at.member());
            logical.put("kind", at.member() == null ? "type" : "member");
            location.put("logicalLocations", List.of(logical));
        }
        result.put("locations", List.of(location));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("plugin", f.plugin());
        properties.put("entry", at.entry());
        properties.put("seedBug", f.code().seedBug());
        result.put("properties", properties);
        return result;
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }
}
