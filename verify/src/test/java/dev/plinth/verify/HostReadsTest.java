package dev.plinth.verify;

import static dev.plinth.verify.Fixtures.FILTER_V1;
import static dev.plinth.verify.Fixtures.REQUEST_V1;
import static dev.plinth.verify.Fixtures.REQUEST_V2;
import static dev.plinth.verify.Fixtures.api;
import static dev.plinth.verify.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostReadsTest {
    private static final String UPPER = "package com.acme; import com.acme.api.*; public class Upper implements"
            + " Filter { public String apply(Request r) { return r.header(\"a\"); } }";

    @TempDir
    Path dir;

    @Test
    void aVerificationRecordsTheHostClassFilesItReadWithTheirDigests() throws Exception {
        Path v2 = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V2, "com.acme.api.Filter", FILTER_V1);
        PluginArchive archive = upper(v2);

        Verification verification = Verifier.forHost(host(v2)).verification(archive, List.of());

        assertThat(verification.findings()).isEqualTo(Verifier.forHost(host(v2)).verify(archive));
        assertThat(verification.hostReads().classFiles()).containsKeys("com/acme/api/Request",
                "com/acme/api/Filter", "java/lang/Object");
        assertThat(verification.hostReads().classFiles().get("com/acme/api/Request"))
                .isEqualTo(HostReads.digest(Files.readAllBytes(v2.resolve("com/acme/api/Request.class"))));
        assertThat(verification.hostReads().classFiles().get("com/acme/Upper")).isEqualTo(HostReads.ABSENT);
    }

    @Test
    void theSameHostAnswersAlikeAndAnotherApiVersionDoesNot() throws Exception {
        Path v1 = api(dir.resolve("v1"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter", FILTER_V1);
        Path v2 = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V2, "com.acme.api.Filter", FILTER_V1);
        PluginArchive archive = upper(v2);
        HostReads reads = Verifier.forHost(host(v2)).verification(archive, List.of()).hostReads();
        HostReads copied = HostReads.of(reads.classFiles(), reads.packages());

        assertThat(copied).isEqualTo(reads);
        assertThat(Verifier.forHost(host(v2)).answersAlike(copied)).isTrue();
        assertThat(Verifier.forHost(host(v1)).answersAlike(copied)).isFalse();
        assertThat(Verifier.forHost(host(v1)).verify(archive)).extracting(Finding::code)
                .containsExactly(FindingCode.API_MISMATCH);
    }

    @Test
    void javaClassesAreNotReadAgainButEveryOtherHostClassIs() throws Exception {
        Path v2 = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V2, "com.acme.api.Filter", FILTER_V1);
        HostReads reads = Verifier.forHost(host(v2)).verification(upper(v2), List.of()).hostReads();
        java.util.Map<String, String> otherObject = new java.util.HashMap<>(reads.classFiles());
        otherObject.put("java/lang/Object", "0".repeat(64)); // only the JDK defines it: the cache key pins the JDK
        java.util.Map<String, String> otherRequest = new java.util.HashMap<>(reads.classFiles());
        otherRequest.put("com/acme/api/Request", "0".repeat(64));

        assertThat(Verifier.forHost(host(v2)).answersAlike(HostReads.of(otherObject, reads.packages()))).isTrue();
        assertThat(Verifier.forHost(host(v2)).answersAlike(HostReads.of(otherRequest, reads.packages()))).isFalse();
    }

    private PluginArchive upper(Path api) throws Exception {
        return PluginArchive.read(TestJar.named("upper").plugin("upper", "1.0").classpath(api)
                .source("com.acme.Upper", UPPER).writeTo(dir));
    }
}
