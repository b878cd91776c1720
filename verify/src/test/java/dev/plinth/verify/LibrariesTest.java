package dev.plinth.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jars a plugin carries under {@code lib/}: read with its own classes, within the same limits. */
class LibrariesTest {
    @TempDir
    Path dir;

    private byte[] library(String name, String... classes) throws IOException {
        TestJar jar = TestJar.named(name);
        for (String cls : classes) {
            jar.source(cls, "package " + cls.substring(0, cls.lastIndexOf('.')) + "; public class "
                    + cls.substring(cls.lastIndexOf('.') + 1) + " { public static String where() { return \""
                    + name + "\"; } }");
        }
        return Files.readAllBytes(jar.writeTo(dir.resolve("libs-" + name)));
    }

    @Test
    void classesOfLibrariesAreReadAfterThePluginsOwnAndTheFirstJarHavingAClassWins() throws IOException {
        Path plugin = TestJar.named("app").plugin("app", "1.0.0")
                .source("com.acme.app.Shared", "package com.acme.app; public class Shared { }")
                .entry("lib/b.jar", library("b", "com.acme.lib.Both", "com.acme.lib.OnlyB"))
                .entry("lib/a.jar", library("a", "com.acme.lib.Both", "com.acme.app.Shared"))
                .entry("lib/sub/c.jar", library("c", "com.acme.lib.Hidden"))
                .writeTo(dir);

        PluginArchive archive = PluginArchive.read(plugin);

        assertThat(archive.findings()).isEmpty();
        assertThat(archive.baseClass("com.acme.app.Shared").orElseThrow().entry()).isEqualTo(
                "com/acme/app/Shared.class");
        assertThat(archive.baseClass("com.acme.lib.Both").orElseThrow().entry()).isEqualTo(
                "lib/a.jar!/com/acme/lib/Both.class");
        assertThat(archive.baseClass("com.acme.lib.OnlyB").orElseThrow().entry()).isEqualTo(
                "lib/b.jar!/com/acme/lib/OnlyB.class");
        assertThat(archive.baseClass("com.acme.lib.Hidden")).as("not directly under lib/").isEmpty();
    }

    @Test
    void aLibraryThatIsNoJarIsACorruptJar() throws IOException {
        Path plugin = TestJar.named("app").plugin("app", "1.0.0").entry("lib/broken.jar", new byte[] {1, 2, 3})
                .writeTo(dir);

        assertThat(PluginArchive.read(plugin).findings()).extracting(Finding::code, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.CORRUPT_JAR,
                        "app.jar: lib/broken.jar: not a jar (no zip header)"));
    }

    @Test
    void entriesOfLibrariesCountAgainstTheEntryLimit() throws IOException {
        Path plugin = TestJar.named("app").plugin("app", "1.0.0")
                .entry("lib/many.jar", library("many", "com.acme.a.A", "com.acme.a.B", "com.acme.a.C"))
                .writeTo(dir);

        PluginArchive archive = PluginArchive.read(plugin, new Limits(4, 1 << 20, 1 << 24, 200));

        assertThat(archive.isUnreadable()).isTrue();
        assertThat(archive.findings()).extracting(Finding::message)
                .contains("app.jar: has more than 4 entries with those of its libraries");
    }

    @Test
    void aFindingInALibrarysClassNamesTheLibrary() throws IOException {
        Path plugin = TestJar.named("app").plugin("app", "1.0.0")
                .entry("lib/quits.jar", Files.readAllBytes(TestJar.named("quits")
                        .source("com.acme.q.Quits", "package com.acme.q; public class Quits {"
                                + " static { System.exit(1); } }").writeTo(dir.resolve("q"))))
                .writeTo(dir);

        assertThat(Verifier.forHost(HostApi.of(java.util.List.of("com.acme.api"), getClass().getClassLoader()))
                .verify(PluginArchive.read(plugin))).filteredOn(f -> f.code() == FindingCode.SYSTEM_EXIT)
                .extracting(f -> f.location().entry()).containsExactly("lib/quits.jar!/com/acme/q/Quits.class");
    }
}
