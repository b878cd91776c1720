package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How {@code doctor} models the host: shared packages from {@code --api}, libraries from {@code --host-classpath}. */
class HostSpecTest {
    @TempDir
    Path dir;

    Path api;
    Path plugin;

    @BeforeEach
    void buildHostApiAndPlugin() throws IOException {
        api = Fixtures.apiClasses(dir);
        plugin = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", api).toRealPath();
    }

    private String cleanReport(String packages, Path... classpath) throws IOException {
        return "host API packages: " + packages + "\n"
                + "host class path:   " + String.join(", ", java.util.Arrays.stream(classpath).map(Path::toString)
                        .toList()) + "\n"
                + "\n"
                + "plugin uppercase 1.0.0\n"
                + "  path   " + plugin + "\n"
                + "  sha256 " + Sha256.of(plugin) + "\n"
                + "  ok: no findings\n"
                + "\n"
                + "1 plugin checked: 0 errors, 0 warnings\n";
    }

    @Test
    void apiJarWithoutAttributeSharesEveryPackageInItAndSaysSo() throws IOException {
        Path apiJar = Fixtures.apiJarWithoutAttribute(dir);

        Cli.Result result = Cli.run(dir, "doctor", "--api", "host-api.jar", plugin.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo("note: --api " + apiJar + ": no Plinth-Shared-Packages attribute;"
                + " sharing every package in it: com.acme.api, com.acme.api.spi\n");
        assertThat(result.out()).isEqualTo(cleanReport("com.acme.api, com.acme.api.spi, dev.plinth.api", apiJar,
                HostSpec.plinthApi()));
    }

    @Test
    void classDirectoryWithoutManifestSharesEveryPackageInIt() throws IOException {
        Cli.Result result = Cli.run(dir, "doctor", "--api", "api", plugin.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo("note: --api " + api + ": no Plinth-Shared-Packages attribute;"
                + " sharing every package in it: com.acme.api\n");
        assertThat(result.out()).isEqualTo(cleanReport("com.acme.api, dev.plinth.api", api, HostSpec.plinthApi()));
    }

    @Test
    void explicitSharedPackageBeatsTheDerivedOnes() throws IOException {
        Path apiJar = Fixtures.apiJarWithoutAttribute(dir);

        Cli.Result result = Cli.run(dir, "doctor", "--api", apiJar.toString(), "--shared-package", "com.acme.api",
                plugin.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(cleanReport("com.acme.api, dev.plinth.api", apiJar, HostSpec.plinthApi()));
    }

    @Test
    void manifestAttributeNamesTheSharedPackagesWithoutANote() throws IOException {
        Path apiJar = TestJar.named("host-api").attribute("Plinth-Shared-Packages", "com.acme.api")
                .source(Fixtures.FILTER, Fixtures.FILTER_SOURCE)
                .source("com.acme.internal.Impl", "package com.acme.internal; public class Impl { }").writeTo(dir);

        Cli.Result result = Cli.run(dir, "doctor", "--api", apiJar.toString(), plugin.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(cleanReport("com.acme.api, dev.plinth.api", apiJar, HostSpec.plinthApi()));
    }

    @Test
    void apiWithoutClassesOrAttributeSharesNothingAndSaysSo() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-api"));

        Cli.Result result = Cli.run(dir, "doctor", "--api", "empty-api", "--api", "api", plugin.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo(""
                + "note: --api " + empty + ": no Plinth-Shared-Packages attribute; it has no classes, so it shares no"
                + " package\n"
                + "note: --api " + api + ": no Plinth-Shared-Packages attribute; sharing every package in it:"
                + " com.acme.api\n");
        assertThat(result.out()).isEqualTo(cleanReport("com.acme.api, dev.plinth.api", empty, api,
                HostSpec.plinthApi()));
    }

    @Test
    void neitherApiNorSharedPackageIsAUsageErrorSayingWhatToPass() {
        Cli.Result result = Cli.run(dir, "doctor", plugin.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("no shared packages: pass --api <jar-or-dir> with the host API (the"
                + " packages its Plinth-Shared-Packages manifest attribute names are shared, or else every package in"
                + " it), or --shared-package <pkg> (e.g. --shared-package com.acme.api)\n"
                + "Usage: plinth doctor ");
    }

    @Test
    void hostClasspathResolvesReferencesWithoutSharingItsPackages() throws IOException {
        Path lib = Fixtures.libraryJar(dir.resolve("lib"), "text", "return s.toUpperCase();");
        plugin = Fixtures.pluginCallingLibrary("uppercase", api, lib).writeTo(dir.resolve("plugins")).toRealPath();

        Cli.Result without = Cli.run(dir, "doctor", "--api", "api", "--shared-package", "com.acme.api",
                plugin.toString());
        Cli.Result with = Cli.run(dir, "doctor", "--api", "api", "--shared-package", "com.acme.api",
                "--host-classpath", "lib/text.jar", plugin.toString());

        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.out()).contains("error[unresolved-reference]: ").contains("com.acme.lib.Text");
        assertThat(with.exitCode()).isZero();
        assertThat(with.err()).isEmpty();
        assertThat(with.out()).isEqualTo(cleanReport("com.acme.api, dev.plinth.api", api, HostSpec.plinthApi(), lib));
    }

    @Test
    void pluginCopyOfAHostLibraryIsPluginFirstNotBundledHostApi() throws IOException {
        Path lib = Fixtures.libraryJar(dir.resolve("lib"), "text", "return s.toUpperCase();");
        Path ownLib = Fixtures.libraryJar(dir.resolve("own"), "text", "return s.toUpperCase(java.util.Locale.ROOT);");
        byte[] ownText;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(ownLib.toFile())) {
            ownText = zip.getInputStream(zip.getEntry("com/acme/lib/Text.class")).readAllBytes();
        }
        plugin = Fixtures.pluginCallingLibrary("uppercase", api, lib).entry("com/acme/lib/Text.class", ownText)
                .writeTo(dir.resolve("plugins")).toRealPath();

        Cli.Result result = Cli.run(dir, "doctor", "--api", "api", "--shared-package", "com.acme.api",
                "--host-classpath", lib.toString(), plugin.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        // the severity and wording of duplicate-class are the verifier's; what matters here is which code it is
        assertThat(result.out()).startsWith("host API packages: com.acme.api, dev.plinth.api\n"
                        + "host class path:   " + api + ", " + HostSpec.plinthApi() + ", " + lib + "\n")
                .contains("[duplicate-class]: com.acme.lib: ").contains("(plugin-first)")
                .doesNotContain("bundled-host-api")
                .contains("1 plugin checked: 0 errors, ");
    }

    @Test
    void hostClasspathTakesSeveralEntriesJoinedByThePathSeparator() throws IOException {
        Path lib = Fixtures.libraryJar(dir.resolve("lib"), "text", "return s.toUpperCase();");
        Path other = TestJar.named("other").source("com.acme.other.Util", "package com.acme.other; public class Util"
                + " { }").writeClassesTo(dir.resolve("other-classes"));
        plugin = Fixtures.pluginCallingLibrary("uppercase", api, lib).writeTo(dir.resolve("plugins")).toRealPath();

        Cli.Result result = Cli.run(dir, "doctor", "--shared-package", "com.acme.api", "--api", "api",
                "--host-classpath", "other-classes" + File.pathSeparator + "lib/text.jar", plugin.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(cleanReport("com.acme.api, dev.plinth.api", api, HostSpec.plinthApi(),
                other, lib));
    }

    @Test
    void missingHostClasspathEntryIsAUsageErrorNamingTheAbsolutePath() {
        Cli.Result result = Cli.run(dir, "doctor", "--api", "api", "--host-classpath",
                "lib/guava.jar" + File.pathSeparator + "api", plugin.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("--host-classpath " + dir.resolve("lib/guava.jar") + ": no such file or"
                + " directory (resolved against " + dir + ")\nUsage: plinth doctor ");
    }

    @Test
    void hostClasspathFileThatIsNotAJarIsAUsageError() throws IOException {
        Path notAJar = Fixtures.corruptJar(dir.resolve("lib"), "broken");

        Cli.Result result = Cli.run(dir, "doctor", "--api", "api", "--host-classpath", notAJar.toString(),
                plugin.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("--host-classpath " + notAJar + ": not a readable jar (");
    }

    @Test
    @Timeout(30)
    void fifoAsApiIsAUsageErrorInsteadOfAHang() throws IOException, InterruptedException {
        Path fifo = Fixtures.fifo(dir.resolve("host-api.jar"));

        Cli.Result result = Cli.run(dir, "doctor", "--api", "host-api.jar", plugin.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("--api " + fifo + ": not a jar or class directory (not a regular file)\n"
                + "Usage: plinth doctor ");
    }
}
