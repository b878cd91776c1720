package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.acme.api.Filter;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins as PF4J lays them out besides jars: a zip of classes/ and lib/, and a directory (development mode). */
class PluginLayoutsTest {
    @TempDir
    Path dir;

    /** A library jar with {@code com.acme.words.Words.shout}. */
    private byte[] wordsLibrary() throws IOException {
        return Files.readAllBytes(TestJar.named("words").source("com.acme.words.Words",
                "package com.acme.words; public class Words { public static String shout(String s) {"
                        + " return s.toUpperCase() + \"!\"; } }").writeTo(dir.resolve("words")));
    }

    /** The files of a PF4J plugin: {@code classes/...}, {@code lib/words.jar}, {@code plugin.properties}. */
    private Map<String, byte[]> pf4jFiles(String id, String version) throws IOException {
        Path words = dir.resolve("words/words.jar");
        byte[] library = Files.exists(words) ? Files.readAllBytes(words) : wordsLibrary();
        Map<String, byte[]> files = new TreeMap<>();
        TestJar.named(id).classpath(Fixtures.compileClasspath()[0], Fixtures.compileClasspath()[1], words)
                .source("com.acme." + id + ".Loud", "package com.acme." + id + "; public class Loud implements"
                        + " com.acme.api.Filter { public String apply(String in) {"
                        + " return com.acme.words.Words.shout(in); } }")
                .compile().forEach((name, bytes) -> files.put("classes/" + name, bytes));
        files.put("classes/META-INF/services/com.acme.api.Filter",
                ("com.acme." + id + ".Loud\n").getBytes(StandardCharsets.UTF_8));
        files.put("lib/words.jar", library);
        files.put("plugin.properties", ("plugin.id=" + id + "\nplugin.version=" + version
                + "\nplugin.description=laid out as PF4J does\n").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static Path zip(Path file, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static Path tree(Path root, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = root.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return root;
    }

    @Test
    void aPf4jZipAndAPluginDirectoryInThePluginDirectoryLoadWithTheirLibraries() throws Exception {
        Path plugins = dir.resolve("plugins");
        Path zipped = zip(plugins.resolve("zipped-1.2.0.zip"), pf4jFiles("zipped", "1.2.0"));
        Path unpacked = tree(plugins.resolve("unpacked"), pf4jFiles("unpacked", "0.9.0"));
        Files.createDirectories(plugins.resolve("not-a-plugin")); // no classes/, no descriptor: ignored

        try (PluginHost host = Fixtures.host(plugins).build()) {
            host.start();

            assertThat(host.plugins()).extracting(PluginInfo::id, PluginInfo::version, PluginInfo::state,
                    PluginInfo::path).containsExactly(
                            tuple("unpacked", "0.9.0", PluginState.STARTED, unpacked.toRealPath()),
                            tuple("zipped", "1.2.0", PluginState.STARTED, zipped.toRealPath()));
            assertThat(host.plugins()).allSatisfy(p -> assertThat(p.problems()).isEmpty());
            assertThat(host.plugin("zipped").orElseThrow().description()).isEqualTo("laid out as PF4J does");
            assertThat(host.extensions(Filter.class)).extracting(f -> f.apply("hi")).containsExactly("HI!", "HI!");
        }
    }

    @Test
    void aClassesDirectoryChangedBetweenVerificationAndLoadingLoadsItsKeptVerifiedCopyElseIsRefused()
            throws Exception {
        Path classes = dir.resolve("project/target/classes");
        Fixtures.filterPlugin("dev", "Dev", "return \"dev:\" + in;").writeClassesTo(classes);
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve("META-INF/services/com.acme.api.Filter"), "com.acme.dev.Dev\n");
        Files.writeString(classes.resolve("plugin.properties"), "plugin.id=dev\nplugin.version=1.0.0-SNAPSHOT\n");

        try (PluginHost host = Fixtures.host(dir.resolve("none")).plugin(classes).build()) {
            host.start();
            assertThat(host.extensions(Filter.class)).singleElement()
                    .satisfies(f -> assertThat(f.apply("x")).isEqualTo("dev:x"));
        }

        try (PluginHost host = Fixtures.host(dir.resolve("none")).plugin(classes).build()) {
            host.resolve();
            Fixtures.filterPlugin("dev", "Dev", "return \"edited:\" + in;").writeClassesTo(classes);
            host.start(); // the first start kept the verified bytes' copy: those load, not the edited ones

            assertThat(host.plugin("dev").orElseThrow().findings()).isEmpty();
            assertThat(host.extensions(Filter.class)).singleElement()
                    .satisfies(f -> assertThat(f.apply("x")).isEqualTo("dev:x"));
        }

        try (PluginHost host = Fixtures.host(dir.resolve("none")).plugin(classes).shadowCache(false).build()) {
            host.resolve();
            Fixtures.filterPlugin("dev", "Dev", "return \"again:\" + in;").writeClassesTo(classes);
            host.start();

            assertThat(host.plugin("dev").orElseThrow().findings()).extracting(Finding::code)
                    .containsExactly(FindingCode.JAR_CHANGED);
            assertThat(host.extensions(Filter.class)).isEmpty();
        }
    }
}
