package dev.plinth.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWriterTest {
    @TempDir
    Path dir;

    @Test
    void addsAttributesAndKeepsEveryOtherEntryInOrderWithItsTime() throws IOException {
        Path jar = TestJar.named("upper").attribute("Plugin-Description", "upper-cases")
                .source("com.acme.Upper", "package com.acme; public class Upper { }")
                .service("com.acme.Filter", "com.acme.Upper").writeTo(dir);
        List<String> namesBefore = names(jar);
        long timeBefore = time(jar, "com/acme/Upper.class");

        List<String> replaced = ManifestWriter.write(jar, attributes("upper", "1.0.0"));

        assertThat(replaced).isEmpty();
        assertThat(names(jar)).isEqualTo(namesBefore);
        assertThat(time(jar, "com/acme/Upper.class")).isEqualTo(timeBefore);
        try (JarFile file = new JarFile(jar.toFile())) {
            var main = file.getManifest().getMainAttributes();
            assertThat(main.getValue("Plugin-Id")).isEqualTo("upper");
            assertThat(main.getValue("Plugin-Version")).isEqualTo("1.0.0");
            assertThat(main.getValue("Plugin-Description")).isEqualTo("upper-cases");
            assertThat(new String(file.getInputStream(file.getEntry("META-INF/services/com.acme.Filter"))
                    .readAllBytes())).isEqualTo("com.acme.Upper\n");
        }
    }

    @Test
    void reportsReplacedValuesAndLeavesAnUpToDateJarUntouched() throws IOException {
        Path jar = TestJar.named("upper").plugin("old-id", "1.0.0").writeTo(dir);

        assertThat(ManifestWriter.write(jar, attributes("upper", "1.0.0")))
                .containsExactly("Plugin-Id: old-id -> upper");
        byte[] once = Files.readAllBytes(jar);
        assertThat(ManifestWriter.write(jar, attributes("upper", "1.0.0"))).isEmpty();
        assertThat(Files.readAllBytes(jar)).isEqualTo(once);
    }

    @Test
    void aJarWithoutManifestGetsOneAsItsFirstEntry() throws IOException {
        Path jar = TestJar.named("bare").withoutManifest()
                .source("com.acme.Upper", "package com.acme; public class Upper { }").writeTo(dir);

        ManifestWriter.write(jar, attributes("bare", "2.0"));

        assertThat(names(jar).get(0)).isEqualTo(JarFile.MANIFEST_NAME);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Plugin-Version")).isEqualTo("2.0");
        }
    }

    private static Map<String, String> attributes(String id, String version) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Plugin-Id", id);
        attributes.put("Plugin-Version", version);
        return attributes;
    }

    private static List<String> names(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static long time(Path jar, String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(entry).getTime();
        }
    }
}
