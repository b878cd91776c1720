package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What {@code doctor} makes of its plugin paths: directories, odd files, one jar reached twice, nested jars. */
class PluginInputsTest {
    @TempDir
    Path dir;

    Path api;

    @BeforeEach
    void compileHostApi() throws IOException {
        api = Fixtures.apiClasses(dir);
    }

    private Cli.Result doctor(String... paths) {
        String[] args = new String[paths.length + 5];
        System.arraycopy(new String[] {"doctor", "--api", "api", "--shared-package", "com.acme.api"}, 0, args, 0, 5);
        System.arraycopy(paths, 0, args, 5, paths.length);
        return Cli.run(dir, args);
    }

    private String header() {
        return "host API packages: com.acme.api, dev.plinth.api\n"
                + "host class path:   " + api + ", " + HostSpec.plinthApi() + "\n";
    }

    private static String clean(String id, Path jar) throws IOException {
        return "\n"
                + "plugin " + id + " 1.0.0\n"
                + "  path   " + jar + "\n"
                + "  sha256 " + Sha256.of(jar) + "\n"
                + "  ok: no findings\n";
    }

    private static String unresolved(String id, Path path, String message, String fix) {
        return "\n"
                + "plugin " + id + "\n"
                + "  path   " + path + "\n"
                + "  sha256 -\n"
                + "\n"
                + "error[path-unresolved]: " + message + "\n"
                + "  --> " + path + "\n"
                + "  = plugin: " + id + "\n"
                + "  = fix: " + fix + "\n";
    }

    @Test
    void directoryWithoutJarsIsAnError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("plugns"));
        Files.writeString(empty.resolve("README.txt"), "not a plugin");

        Cli.Result result = doctor("plugns");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(header()
                + unresolved("plugns", empty, empty + ": no *.jar files in this directory",
                        "check the path; pass the directory that holds the plugin jars, or the jars themselves")
                + "\n1 plugin checked: 1 error, 0 warnings\n");
    }

    @Test
    void directoryWhoseJarsAreInSubdirectoriesSaysToPassThemDirectly() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Fixtures.cleanPlugin(plugins.resolve("b"), "beta", api);
        Fixtures.cleanPlugin(plugins.resolve("a"), "alpha", api);
        Files.createDirectories(plugins.resolve("c-empty"));

        Cli.Result result = doctor("plugins");

        Path a = plugins.resolve("a");
        Path b = plugins.resolve("b");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(header()
                + unresolved("plugins", plugins, plugins + ": no *.jar files in this directory; 2 subdirectories ("
                        + a + ", " + b + ") have some, but subdirectories are not searched; pass them directly",
                        "pass " + a + ", " + b + " instead")
                + "\n1 plugin checked: 1 error, 0 warnings\n");
    }

    @Test
    @Timeout(30)
    void fifoGivenDirectlyIsAnErrorAndIsNeverOpened() throws IOException, InterruptedException {
        Path fifo = Fixtures.fifo(dir.resolve("stream.jar"));

        Cli.Result result = doctor("stream.jar");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(header()
                + unresolved("stream", fifo, fifo + ": not a regular file (a FIFO, device or socket cannot be read as"
                        + " a jar)", "pass the plugin jar itself")
                + "\n1 plugin checked: 1 error, 0 warnings\n");
    }

    @Test
    @Timeout(30)
    void directoryTakesOnlyRegularJarFiles() throws IOException, InterruptedException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Fixtures.fifo(plugins.resolve("a-stream.jar"));
        Files.createDirectories(plugins.resolve("b-folder.jar"));
        Path jar = Fixtures.cleanPlugin(plugins, "uppercase", api).toRealPath();

        Cli.Result result = doctor("plugins");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(header() + clean("uppercase", jar)
                + "\n1 plugin checked: 0 errors, 0 warnings\n");
    }

    @Test
    void deviceGivenDirectlyIsAnError() {
        Path device = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(device) && !Files.isRegularFile(device));

        Cli.Result result = doctor(device.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("error[path-unresolved]: /dev/null: not a regular file (");
    }

    @Test
    void jarGivenAsFileAndThroughItsDirectoryIsCheckedOnce() throws IOException {
        Path plugins = dir.resolve("plugins");
        Path jar = Fixtures.cleanPlugin(plugins, "uppercase", api);

        Cli.Result result = doctor("plugins/uppercase.jar", "plugins", "plugins/../plugins/uppercase.jar");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo(""
                + "note: " + jar + ": already given; checked once\n"
                + "note: " + jar + ": already given; checked once\n");
        assertThat(result.out()).isEqualTo(header() + clean("uppercase", jar.toRealPath())
                + "\n1 plugin checked: 0 errors, 0 warnings\n");
    }

    @Test
    void jarReachedThroughASymbolicLinkIsCheckedOnce() throws IOException {
        Path jar = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", api);
        Path link = Files.createSymbolicLink(dir.resolve("current.jar"), jar);

        Cli.Result result = doctor("plugins", "current.jar");

        Path real = jar.toRealPath();
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo("note: " + link + ": same file as " + jar
                + (real.equals(jar) ? "" : " (both are " + real + ")") + "; checked once\n");
        assertThat(result.out()).isEqualTo(header() + clean("uppercase", real)
                + "\n1 plugin checked: 0 errors, 0 warnings\n");
    }

    @Test
    void twoCopiesOfOneJarAreStillDuplicatePluginIds() throws IOException {
        Path jar = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", api).toRealPath();
        Path copy = Files.copy(jar, Files.createDirectories(dir.resolve("backup")).resolve("uppercase.jar"))
                .toRealPath();

        Cli.Result result = doctor("plugins", "backup");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .contains("error[duplicate-plugin-id]: uppercase: plugin id declared by " + copy + " and " + jar)
                .contains("  --> " + jar + "\n")
                .contains("  --> " + copy + "\n")
                .endsWith("2 plugins checked: 2 errors, 0 warnings\n");
    }

    @Test
    void jarsDirectlyUnderLibAreReadAndOtherNestedJarsAreNotedAsNotOnTheClassPath() throws IOException {
        Path jar = Fixtures.plugin("fat", api).entry("lib/text.jar", new byte[] {1, 2, 3})
                .entry("libs/deep/other.jar", new byte[0]).writeTo(dir.resolve("plugins")).toRealPath();

        Cli.Result result = doctor(jar.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("note: " + jar + ": contains a nested jar (libs/deep/other.jar) that is"
                + " not on the plugin's class path: Plinth loads a plugin's own classes and the jars directly under"
                + " lib/; move the libraries to lib/, or shade them into the plugin jar\n");
        assertThat(result.out()).contains("fat.jar: lib/text.jar: not a jar (no zip header)");
    }

    @Test
    void aPf4jZipAndAPluginDirectoryAreCheckedAsTheJarsTheyMake() throws IOException {
        Path built = Fixtures.plugin("zipped", api).writeTo(dir.resolve("built"));
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path zip = plugins.resolve("zipped.zip");
        Path tree = plugins.resolve("tree");
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(built.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (java.util.jar.JarEntry e : java.util.Collections.list(jar.entries())) {
                byte[] bytes = jar.getInputStream(e).readAllBytes();
                out.putNextEntry(new java.util.zip.ZipEntry("classes/" + e.getName()));
                out.write(bytes);
                Path file = tree.resolve("classes").resolve(e.getName());
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
            }
        }
        Files.writeString(tree.resolve("classes/META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nPlugin-Id: tree\n"
                + "Plugin-Version: 1.0.0\n");

        Cli.Result result = doctor(plugins.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("plugin tree 1.0.0\n  path   " + tree.toRealPath() + "\n")
                .contains("plugin zipped 1.0.0\n  path   " + zip.toRealPath() + "\n")
                .endsWith("2 plugins checked: 0 errors, 0 warnings\n");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void manyNestedJarsAreCountedAndTheFirstNamed() throws IOException {
        Path jar = Fixtures.plugin("fat", api).entry("BOOT-INF/lib/a.jar", new byte[0])
                .entry("BOOT-INF/lib/b.jar", new byte[0]).entry("BOOT-INF/lib/c.jar", new byte[0])
                .entry("BOOT-INF/lib/d.JAR", new byte[0]).writeTo(dir.resolve("plugins")).toRealPath();

        Cli.Result result = doctor(jar.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo("note: " + jar + ": contains 4 nested jars (BOOT-INF/lib/a.jar,"
                + " BOOT-INF/lib/b.jar, BOOT-INF/lib/c.jar and 1 more) that are not on the plugin's class path:"
                + " Plinth loads a plugin's own classes and the jars directly under lib/; move the libraries to lib/,"
                + " or shade them into the plugin jar\n");
    }

    @Test
    void brokenZipGetsNoNestedJarNoteOnlyTheVerifiersFinding() throws IOException {
        Path jar = Fixtures.corruptJar(dir.resolve("plugins"), "lib-bundle").toRealPath();

        Cli.Result result = doctor(jar.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("error[corrupt-jar]: lib-bundle.jar: ");
    }
}
