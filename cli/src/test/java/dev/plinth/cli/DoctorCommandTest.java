package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
    @TempDir
    Path dir;

    Path api;

    @BeforeEach
    void compileHostApi() throws IOException {
        api = Fixtures.apiClasses(dir);
    }

    @Test
    void cleanPluginExitsZeroAndPrintsItsIdentity() throws IOException {
        Path jar = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", api).toRealPath();

        Cli.Result result = Cli.run(dir, "doctor", "--api", api.toString(), "--shared-package", "com.acme.api",
                jar.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(""
                + "host API packages: com.acme.api, dev.plinth.api\n"
                + "host class path:   " + api + ", " + HostSpec.plinthApi() + "\n"
                + "\n"
                + "plugin uppercase 1.0.0\n"
                + "  path   " + jar + "\n"
                + "  sha256 " + Sha256.of(jar) + "\n"
                + "  ok: no findings\n"
                + "\n"
                + "1 plugin checked: 0 errors, 0 warnings\n");
    }

    @Test
    void bundledHostApiIsAWarningThatFailsOnlyWithFailOnWarning() throws IOException {
        Path jar = Fixtures.pluginBundlingApi(dir.resolve("plugins"), "bundled", api).toRealPath();
        String[] args = {"doctor", "--api", api.toString(), "--shared-package", "com.acme.api", jar.toString()};

        Cli.Result result = Cli.run(dir, args);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains(""
                + "warning[bundled-host-api]: bundled.jar: bundles host API package com.acme.api"
                + " (com.acme.api.Filter); the host's classes are used instead\n"
                + "  --> " + jar + "!com/acme/api/Filter.class\n"
                + "  = plugin: bundled\n"
                + "  = class: com.acme.api.Filter\n"
                + "  = fix: mark the host API dependency as provided (Maven) or compileOnly (Gradle) and exclude"
                + " it from shading\n");
        assertThat(result.out()).endsWith("1 plugin checked: 0 errors, 1 warning\n");

        String[] failOnWarning = {"doctor", "--fail-on", "warning", "--api", api.toString(), "--shared-package",
            "com.acme.api", jar.toString()};
        assertThat(Cli.run(dir, failOnWarning).exitCode()).isEqualTo(1);
    }

    @Test
    void twoJarsWithOnePluginIdAreBothErrorsNamingBothPaths() throws IOException {
        Path a = Fixtures.cleanPlugin(dir.resolve("a"), "uppercase", api).toRealPath();
        Path b = Fixtures.cleanPlugin(dir.resolve("b"), "uppercase", api).toRealPath();

        Cli.Result result = Cli.run(dir, "doctor", "--api", api.toString(), "--shared-package", "com.acme.api",
                a.toString(), b.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .contains("error[duplicate-plugin-id]: uppercase: plugin id declared by " + a + " and " + b + "\n"
                        + "  --> " + a + "\n")
                .contains("  --> " + b + "\n")
                .endsWith("2 plugins checked: 2 errors, 0 warnings\n");
    }

    @Test
    void corruptJarIsAnErrorAndExitsOne() throws IOException {
        Path jar = Fixtures.corruptJar(dir.resolve("plugins"), "broken").toRealPath();

        Cli.Result result = Cli.run(dir, "doctor", "--api", api.toString(), "--shared-package", "com.acme.api",
                jar.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .contains("error[corrupt-jar]: broken.jar: not a readable zip archive (")
                .contains("  --> " + jar + "\n")
                .contains("  sha256 " + Sha256.of(jar) + "\n")
                .contains("1 plugin checked: 1 error, ");
    }

    @Test
    void missingRelativePathIsReportedAbsoluteWithTheDirectoryItResolvedAgainst() {
        Cli.Result result = Cli.run(dir, "doctor", "--api", "api", "--shared-package", "com.acme.api",
                "plugins/missing.jar");

        Path absolute = dir.resolve("plugins/missing.jar");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains(""
                + "plugin missing\n"
                + "  path   " + absolute + "\n"
                + "  sha256 -\n"
                + "\n"
                + "error[path-unresolved]: " + absolute + ": no such file or directory (relative path"
                + " 'plugins/missing.jar' resolved against " + dir + ")\n"
                + "  --> " + absolute + "\n"
                + "  = plugin: missing\n"
                + "  = fix: pass an absolute path, or run from the directory the path is relative to\n");
        assertThat(result.out()).endsWith("1 plugin checked: 1 error, 0 warnings\n");
    }

    @Test
    void directoryMeansEveryJarInItSortedByNameAndResolvedAgainstTheWorkingDirectory() throws IOException {
        Path plugins = dir.resolve("plugins");
        Path second = Fixtures.cleanPlugin(plugins, "zeta", api).toRealPath();
        Path first = Fixtures.cleanPlugin(plugins, "alpha", api).toRealPath();
        Files.writeString(plugins.resolve("README.txt"), "not a plugin");

        Cli.Result result = Cli.run(dir, "doctor", "--api", "api", "--shared-package", "com.acme.api", "plugins");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsSubsequence("plugin alpha 1.0.0\n  path   " + first,
                "plugin zeta 1.0.0\n  path   " + second, "2 plugins checked: 0 errors, 0 warnings\n");
    }

    @Test
    void sharedPackagesComeFromTheApiJarManifestWhenNotGiven() throws IOException {
        Path apiJar = Fixtures.apiJarWithManifest(dir);
        Path jar = Fixtures.pluginBundlingApi(dir.resolve("plugins"), "bundled", api);

        Cli.Result result = Cli.run(dir, "doctor", "--api", apiJar.toString(), jar.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("host API packages: com.acme.api, dev.plinth.api\n")
                .contains("warning[bundled-host-api]");
    }

    @Test
    void missingApiPathIsAUsageError() throws IOException {
        Path jar = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", api);

        Cli.Result result = Cli.run(dir, "doctor", "--api", "nope.jar", "--shared-package", "com.acme.api",
                jar.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("--api " + dir.resolve("nope.jar") + ": no such file or directory"
                + " (resolved against " + dir + ")\n");
    }

    @Test
    void unknownFormatIsAUsageErrorListingTheFormats() throws IOException {
        Path jar = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", api);

        Cli.Result result = Cli.run(dir, "doctor", "--format", "xml", "--shared-package", "com.acme.api",
                jar.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected one of text, json, sarif but was 'xml'");
    }

    @Test
    void noPathsIsAUsageError() {
        Cli.Result result = Cli.run(dir, "doctor", "--shared-package", "com.acme.api");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: '<jar-or-directory>'");
    }

    @Test
    void outputFileGetsTheReportAndStandardOutputTheSummary() throws IOException {
        Path jar = Fixtures.pluginBundlingApi(dir.resolve("plugins"), "bundled", api);

        Cli.Result result = Cli.run(dir, "doctor", "--format", "json", "--output", "report.json",
                "--shared-package", "com.acme.api", "--api", "api", jar.toString());

        Path report = dir.resolve("report.json");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("1 plugin checked: 0 errors, 1 warning (report: " + report + ")\n");
        assertThat(MiniJson.at(MiniJson.parse(Files.readString(report)), "plugins", 0, "findings", 0, "code"))
                .isEqualTo("bundled-host-api");
    }

    @Test
    void outputIntoAMissingDirectoryIsAUsageErrorBeforeAnyCheck() throws IOException {
        Path jar = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", api);

        Cli.Result result = Cli.run(dir, "doctor", "--output", "reports/x.json", "--shared-package", "com.acme.api",
                "--api", "api", jar.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("--output " + dir.resolve("reports/x.json") + ": no such directory "
                + dir.resolve("reports") + " (resolved against " + dir + ")\n" + "Usage: plinth doctor ");
    }

    @Test
    void outputThatIsADirectoryIsAUsageError() throws IOException {
        Path jar = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", api);

        Cli.Result result = Cli.run(dir, "doctor", "--output", dir.toString(), "--shared-package", "com.acme.api",
                "--api", "api", jar.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("--output " + dir + ": is a directory; name the file to write\n");
    }

    @Test
    void reportThatCannotBeWrittenIsAFailureNamingTheFileAndTheReason() throws IOException {
        Path jar = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", api);
        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        Assumptions.assumeTrue(readOnly.toFile().setWritable(false) && !Files.isWritable(readOnly),
                "the file system lets this user write into a read-only directory (root)");

        Cli.Result result = Cli.run(dir, "doctor", "--output", "read-only/x.json", "--shared-package",
                "com.acme.api", "--api", "api", jar.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("plinth doctor: cannot write the report to " + readOnly.resolve("x.json")
                + ": permission denied\n");
    }
}
