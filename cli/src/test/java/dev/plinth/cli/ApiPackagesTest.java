package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiPackagesTest {
    @TempDir
    Path dir;

    @Test
    void classFileCountsForItsPackageAtTheTopOrUnderAVersionDirectory() {
        assertThat(ApiPackages.packageOf("com/acme/api/Filter.class")).contains("com.acme.api");
        assertThat(ApiPackages.packageOf("com/acme/api/Filter$Inner.class")).contains("com.acme.api");
        assertThat(ApiPackages.packageOf("META-INF/versions/11/com/acme/api/spi/Sink.class"))
                .contains("com.acme.api.spi");
    }

    @Test
    void entriesNoClassLoaderWouldServeAsAPackageAreSkipped() {
        assertThat(ApiPackages.packageOf("Main.class")).isEmpty();
        assertThat(ApiPackages.packageOf("module-info.class")).isEmpty();
        assertThat(ApiPackages.packageOf("META-INF/versions/9/module-info.class")).isEmpty();
        assertThat(ApiPackages.packageOf("META-INF/versions/9")).isEmpty();
        assertThat(ApiPackages.packageOf("META-INF/maven/Foo.class")).isEmpty();
        assertThat(ApiPackages.packageOf("WEB-INF/classes/com/acme/Foo.class")).isEmpty();
        assertThat(ApiPackages.packageOf("com/acme/api/messages.properties")).isEmpty();
        assertThat(ApiPackages.packageOf("com/acme/api/")).isEqualTo(Optional.empty());
    }

    @Test
    void derivedPackagesOfAJarAndOfAClassDirectoryAreTheSame() throws IOException {
        TestJar api = TestJar.named("api").source(Fixtures.FILTER, Fixtures.FILTER_SOURCE)
                .source("com.acme.api.spi.Sink", "package com.acme.api.spi; public interface Sink { }")
                .entry("META-INF/versions/11/com/acme/api/v11/Extra.class", new byte[] {(byte) 0xCA})
                .entry("com/acme/api/messages.properties", new byte[0]);
        Path jar = api.writeTo(dir);
        Path classes = api.writeClassesTo(dir.resolve("classes"));
        Files.writeString(Files.createDirectories(classes.resolve("META-INF/versions/11/com/acme/api/v11"))
                .resolve("Extra.class"), "x");

        assertThat(ApiPackages.derived(jar)).containsExactly("com.acme.api", "com.acme.api.spi", "com.acme.api.v11");
        assertThat(ApiPackages.derived(classes)).containsExactly("com.acme.api", "com.acme.api.spi",
                "com.acme.api.v11");
    }

    @Test
    void declaredPackagesAreSplitAtCommasAndStripped() throws IOException {
        Path jar = TestJar.named("api").attribute("Plinth-Shared-Packages", " com.acme.api ,, com.acme.spi")
                .writeTo(dir);
        Path none = TestJar.named("none").writeTo(dir);

        assertThat(ApiPackages.declared(jar)).containsExactly("com.acme.api", "com.acme.spi");
        assertThat(ApiPackages.declared(none)).isEmpty();
        assertThat(ApiPackages.declared(dir)).isEmpty();
    }
}
