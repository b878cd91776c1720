package dev.plinth.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginArchiveTest {
    @TempDir
    Path dir;

    @Test
    void fileThatIsNotAZipIsACorruptJarFinding() throws IOException {
        Path jar = Files.writeString(dir.resolve("notes.jar"), "just some text, not a zip");

        PluginArchive archive = PluginArchive.read(jar);

        assertThat(archive.isUnreadable()).isTrue();
        assertThat(archive.findings()).extracting(Finding::code, Finding::severity)
                .contains(tuple(FindingCode.CORRUPT_JAR, Severity.ERROR));
        assertThat(archive.findings().get(0).message()).startsWith("notes.jar: not a readable zip archive (");
        assertThat(archive.sha256()).hasSize(64);
    }

    @Test
    void truncatedJarIsACorruptJarFinding() throws IOException {
        Path whole = TestJar.named("whole").plugin("whole", "1.0.0")
                .source("com.acme.W", "package com.acme; public class W { }").writeTo(dir);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.jar"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(PluginArchive.read(cut).findings()).extracting(Finding::code).contains(FindingCode.CORRUPT_JAR);
    }

    @Test
    void zipBombIsRefusedWithoutInflatingIt() throws IOException {
        Path jar = dir.resolve("bomb.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("com/acme/Bomb.class"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 512; i++) {
                out.write(zeros); // 512 MiB of zeros: about 0.5 MiB compressed
            }
            out.closeEntry();
        }
        long before = usedHeap();

        PluginArchive archive = PluginArchive.read(jar);

        assertThat(archive.findings()).extracting(Finding::code).containsExactly(FindingCode.CORRUPT_JAR);
        assertThat(archive.findings().get(0).message()).startsWith("bomb.jar: com/acme/Bomb.class: compresses ")
                .endsWith("refusing a likely zip bomb");
        assertThat(usedHeap() - before).as("heap grown while reading").isLessThan(64L << 20);
    }

    @Test
    void entryLargerThanTheLimitIsRefused() throws IOException {
        Path jar = TestJar.named("big").plugin("big", "1.0.0")
                .entry("com/acme/Big.class", new byte[4096]).writeTo(dir);

        PluginArchive archive = PluginArchive.read(jar, new Limits(100, 1024, 1 << 20, 200));

        assertThat(archive.findings()).extracting(Finding::message)
                .contains("big.jar: com/acme/Big.class: larger than the read limit of 1024 bytes");
    }

    @Test
    void pf4jAttributesAreReadOrNamed() throws IOException {
        Path jar = TestJar.named("pf4j").plugin("pf4j", "1.0.0").attribute("Plugin-Class", "com.acme.MyPlugin")
                .attribute("Plugin-Dependencies", "core@^1.2, audit?, bad id@1").attribute("Plugin-Requires", "<<2")
                .writeTo(dir);

        PluginArchive archive = PluginArchive.read(jar);

        assertThat(archive.findings()).extracting(Finding::severity, Finding::message).containsExactly(
                tuple(Severity.WARNING, "pf4j.jar: Plugin-Class com.acme.MyPlugin is PF4J's entry point; Plinth does"
                        + " not use it"),
                tuple(Severity.ERROR, "pf4j.jar: Plugin-Dependencies entry 'bad id@1': 'bad id@1' does not start with"
                        + " a plugin id"),
                tuple(Severity.ERROR, "pf4j.jar: Plugin-Requires: range '<<2': '<<2' is not a comparison such as"
                        + " >=1.0.0, <2.0, ^1.2, ~1.2, 1.x or 1.2.0"));
        assertThat(archive.descriptor().requirements()).hasToString("[core@^1.2, audit?]");
        assertThat(archive.descriptor().requires()).isEmpty();
    }

    @Test
    void binaryNamesAreJavaIdentifiersJoinedByDots() {
        assertThat(java.util.List.of("com.acme.Good", "Good", "a.b$C", "_x.y1", "caf\u00e9.\u00c9t\u00e9",
                "a.\ud835\udc00")).allMatch(ServiceFileParser::isBinaryName);
        assertThat(java.util.List.of("", ".a", "a.", "a..b", "a.1b", "1a", "a b", "a-b", "a/b", "a.b.", "#x"))
                .noneMatch(ServiceFileParser::isBinaryName);
    }

    @Test
    void malformedServiceLineAndVersionAreDescriptorFindings() throws IOException {
        Path jar = TestJar.named("odd").attribute("Plugin-Id", "odd").attribute("Plugin-Version", "one point oh")
                .entry("META-INF/services/com.acme.api.Filter",
                        "com.acme.Good\nnot a class name\n# comment\n".getBytes(StandardCharsets.UTF_8))
                .writeTo(dir);

        PluginArchive archive = PluginArchive.read(jar);

        assertThat(archive.findings()).extracting(Finding::code, Finding::message).containsExactlyInAnyOrder(
                tuple(FindingCode.DESCRIPTOR_INVALID, "META-INF/services/com.acme.api.Filter: line 2: 'not a class"
                        + " name' is not a class name"),
                tuple(FindingCode.DESCRIPTOR_INVALID, "odd.jar: Plugin-Version 'one point oh' is not a version"));
        assertThat(archive.services().get("com.acme.api.Filter")).extracting(PluginArchive.ServiceEntry::provider)
                .containsExactly("com.acme.Good");
    }

    @Test
    void missingIdIsDerivedFromTheFileNameWithAWarning() throws IOException {
        Path jar = TestJar.named("audit-sink-2.3.1").writeTo(dir);

        PluginArchive archive = PluginArchive.read(jar);

        assertThat(archive.descriptor().id()).isEqualTo("audit-sink");
        assertThat(archive.descriptor().idDerived()).isTrue();
        assertThat(archive.findings()).extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void missingFileIsPathUnresolvedNotAnException() {
        PluginArchive archive = PluginArchive.read(dir.resolve("absent.jar"));

        assertThat(archive.findings()).extracting(Finding::code).contains(FindingCode.PATH_UNRESOLVED);
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

}
