package dev.plinth.verify;

import static dev.plinth.verify.Fixtures.host;
import static dev.plinth.verify.Fixtures.only;
import static dev.plinth.verify.Fixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class files newer than the running JVM are forged by rewriting the major version of a compiled class, so the
 * tests hold on whichever JDK runs them.
 */
class ClassVersionCheckTest {
    @TempDir
    Path dir;

    private static byte[] withRelease(byte[] classFile, int release) {
        byte[] copy = classFile.clone();
        int major = JavaVersions.majorOf(release);
        copy[6] = (byte) (major >> 8);
        copy[7] = (byte) major;
        return copy;
    }

    private static byte[] compiled() {
        return TestJar.named("x").source("com.acme.Next", "package com.acme; public class Next { }").compile()
                .get("com/acme/Next.class");
    }

    @Test
    void classFileNewerThanTheRunningJvmIsAnErrorNamingBothVersions() throws Exception {
        int running = Runtime.version().feature();
        Path jar = TestJar.named("next").plugin("next", "1.0")
                .entry("com/acme/Next.class", withRelease(compiled(), running + 1)).writeTo(dir);

        assertThat(only(verify(host(), jar), FindingCode.CLASS_VERSION)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("com.acme.Next: class file " + JavaVersions.majorOf(running + 1)
                    + " (Java " + (running + 1) + "); this JVM (Java " + running + ") reads up to "
                    + JavaVersions.majorOf(running));
        });
    }

    @Test
    void classFilesForThisJvmAndNewerMultiReleaseEntriesAreAccepted() throws Exception {
        int running = Runtime.version().feature();
        Path jar = TestJar.named("next").plugin("next", "1.0").attribute("Multi-Release", "true")
                .entry("com/acme/Next.class", withRelease(compiled(), running))
                .entry("META-INF/versions/" + (running + 1) + "/com/acme/Next.class",
                        withRelease(compiled(), running + 1))
                .writeTo(dir);

        assertThat(verify(host(), jar)).isEmpty();
    }
}
