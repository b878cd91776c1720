package dev.plinth.verify;

import static dev.plinth.verify.Fixtures.FILTER_V1;
import static dev.plinth.verify.Fixtures.REQUEST_V1;
import static dev.plinth.verify.Fixtures.REQUEST_V2;
import static dev.plinth.verify.Fixtures.api;
import static dev.plinth.verify.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
    @TempDir
    Path dir;

    @Test
    void oneVerifierSharedByThreadsGivesEveryThreadTheSameFindings() throws Exception {
        Path old = api(dir.resolve("v1"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter", FILTER_V1);
        Path newer = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V2, "com.acme.api.Filter", FILTER_V1);
        PluginArchive archive = PluginArchive.read(TestJar.named("upper").plugin("upper", "1.0").classpath(newer)
                .source("com.acme.Upper", "package com.acme; import com.acme.api.*; public class Upper implements"
                        + " Filter { public String apply(Request r) { return r.header(\"a\") + java.util.List.of("
                        + "r.body()).stream().map(String::trim).toList(); } }")
                .writeTo(dir));
        Verifier verifier = Verifier.forHost(host(old));
        List<Finding> expected = verifier.verify(archive);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Finding>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> verifier.verify(archive)));
            }
            for (Future<List<Finding>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).extracting(Finding::code).containsExactly(FindingCode.API_MISMATCH);
    }
}
