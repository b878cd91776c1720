package dev.plinth.cli;

import static dev.plinth.cli.MiniJson.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.FindingCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatsTest {
    @TempDir
    Path dir;

    Path api;
    Path bundled;
    Path broken;

    @BeforeEach
    void buildPlugins() throws IOException {
        api = Fixtures.apiClasses(dir);
        bundled = Fixtures.pluginBundlingApi(dir.resolve("plugins"), "bundled", api).toRealPath();
        broken = Fixtures.corruptJar(dir.resolve("plugins"), "broken").toRealPath();
    }

    private Object doctor(String format, int expectedExitCode) {
        Cli.Result result = Cli.run(dir, "doctor", "--format", format, "--api", "api", "--shared-package",
                "com.acme.api", "plugins");
        assertThat(result.exitCode()).isEqualTo(expectedExitCode);
        assertThat(result.err()).isEmpty();
        return MiniJson.parse(result.out());
    }

    @Test
    void jsonReportHasTheDocumentedShape() throws IOException {
        Object json = doctor("json", 1);

        assertThat(at(json, "tool")).isEqualTo("plinth");
        assertThat(at(json, "version")).isEqualTo(VersionProvider.version());
        assertThat(at(json, "hostApi", "sharedPackages")).isEqualTo(List.of("com.acme.api", "dev.plinth.api"));
        assertThat(at(json, "hostApi", "classpath"))
                .isEqualTo(List.of(api.toString(), HostSpec.plinthApi().toString()));
        assertThat(at(json, "plugins", 0, "path")).isEqualTo(broken.toString());
        assertThat(at(json, "plugins", 1, "id")).isEqualTo("bundled");
        assertThat(at(json, "plugins", 1, "version")).isEqualTo("1.0.0");
        assertThat(at(json, "plugins", 1, "sha256")).isEqualTo(Sha256.of(bundled));
        Object finding = at(json, "plugins", 1, "findings", 0);
        assertThat(at(finding, "code")).isEqualTo("bundled-host-api");
        assertThat(at(finding, "severity")).isEqualTo("warning");
        assertThat(at(finding, "plugin")).isEqualTo("bundled");
        assertThat(at(finding, "file")).isEqualTo(bundled.toString());
        assertThat(at(finding, "entry")).isEqualTo("com/acme/api/Filter.class");
        assertThat(at(finding, "class")).isEqualTo("com.acme.api.Filter");
        assertThat(at(finding, "member")).isNull();
        assertThat((String) at(finding, "message")).startsWith("bundled.jar: bundles host API package");
        assertThat((String) at(finding, "fix")).startsWith("mark the host API dependency as provided");
        assertThat(at(finding, "seedBug")).isEqualTo(3L);
        assertThat(at(json, "summary", "plugins")).isEqualTo(2L);
        assertThat(at(json, "summary", "warnings")).isEqualTo(1L); // bundled-host-api; a corrupt jar: an error only
        assertThat(at(json, "summary", "errors")).isEqualTo(1L);
    }

    @Test
    void jsonSummaryCountsInfoFindingsUnderTheSeverityNameAndKeepsTheOldNotesField() throws IOException {
        Fixtures.plugin("quitter", api)
                .source("com.acme.quitter.Unused", "package com.acme.quitter; final class Unused {"
                        + " static void quit() { System.exit(3); } }")
                .writeTo(dir.resolve("plugins"));

        Object json = doctor("json", 1);

        assertThat(at(json, "plugins", 2, "findings", 0, "severity")).isEqualTo("info");
        assertThat(at(json, "summary", "info")).isEqualTo(1L);
        assertThat(at(json, "summary", "notes")).isEqualTo(1L);
    }

    @Test
    void sarifReportHasARulePerCodeAndAResultPerFinding() {
        Object sarif = doctor("sarif", 1);

        assertThat(at(sarif, "version")).isEqualTo("2.1.0");
        assertThat(at(sarif, "$schema")).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        Object driver = at(sarif, "runs", 0, "tool", "driver");
        assertThat(at(driver, "name")).isEqualTo("plinth");
        List<?> rules = (List<?>) at(driver, "rules");
        assertThat(rules.stream().map(r -> at(r, "id")).toList())
                .isEqualTo(Arrays.stream(FindingCode.values()).map(FindingCode::id).toList());
        assertThat(at(rules.get(FindingCode.ENTRY_POINT.ordinal()), "shortDescription", "text"))
                .isEqualTo(FindingCode.ENTRY_POINT.title());

        List<?> results = (List<?>) at(sarif, "runs", 0, "results");
        Object corrupt = results.stream().filter(r -> at(r, "ruleId").equals("corrupt-jar")).findFirst()
                .orElseThrow();
        assertThat(at(corrupt, "level")).isEqualTo("error");
        assertThat(at(corrupt, "ruleIndex")).isEqualTo((long) FindingCode.CORRUPT_JAR.ordinal());
        assertThat(at(corrupt, "locations", 0, "physicalLocation", "artifactLocation", "uri"))
                .isEqualTo(broken.toUri().toString());

        Object bundledApi = results.stream().filter(r -> at(r, "ruleId").equals("bundled-host-api")).findFirst()
                .orElseThrow();
        assertThat(at(bundledApi, "level")).isEqualTo("warning");
        assertThat((String) at(bundledApi, "message", "text"))
                .startsWith("bundled.jar: bundles host API package com.acme.api")
                .contains("(in " + bundled + "!com/acme/api/Filter.class).")
                .endsWith(". Fix: mark the host API dependency as provided (Maven) or compileOnly (Gradle) and"
                        + " exclude it from shading");
        assertThat(at(bundledApi, "locations", 0, "logicalLocations", 0, "fullyQualifiedName"))
                .isEqualTo("com.acme.api.Filter");
        assertThat(at(bundledApi, "locations", 0, "logicalLocations", 0, "kind")).isEqualTo("type");
        assertThat(at(bundledApi, "properties", "plugin")).isEqualTo("bundled");
    }

    @Test
    void sarifLevelsMapEverySeverity() {
        assertThat(SarifReport.level(dev.plinth.verify.Severity.ERROR)).isEqualTo("error");
        assertThat(SarifReport.level(dev.plinth.verify.Severity.WARNING)).isEqualTo("warning");
        assertThat(SarifReport.level(dev.plinth.verify.Severity.INFO)).isEqualTo("note");
    }

    @Test
    void textReportIsColouredOnlyWhenAsked() throws IOException {
        HostSpec host = HostSpec.resolve(dir, List.of(api), List.of("com.acme.api"), List.of(), note -> { });
        Cli.Result plain = Cli.run(dir, "doctor", "--api", "api", "--shared-package", "com.acme.api", "plugins");
        DoctorReport report = new DoctorReport("test", host, List.of());

        assertThat(plain.out()).doesNotContain("\u001b[");
        assertThat(TextReport.render(report, true)).contains("\u001b[1m0 plugins checked").contains("\u001b[0m");
        assertThat(TextReport.render(report, false)).doesNotContain("\u001b[");
    }
}
