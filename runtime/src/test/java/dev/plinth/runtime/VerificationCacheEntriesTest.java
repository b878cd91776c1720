package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.FindingCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries that cannot be trusted are verified again and replaced; hosts sharing a directory stay correct. */
class VerificationCacheEntriesTest {
    @TempDir
    Path dir;
    private Path plugins;
    private Path cache;

    @BeforeEach
    void plugins() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        cache = dir.resolve("cache");
        Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();").writeTo(plugins);
        Fixtures.filterPlugin("bundler", "Bundler", "return in;")
                .source("com.acme.api.Bundled", "package com.acme.api; public class Bundled {}").writeTo(plugins);
        Fixtures.filterPlugin("exits", "Exits", "System.exit(3); return in;").writeTo(plugins);
    }

    private VerificationCacheTest.Run run() {
        return VerificationCacheTest.run(Fixtures.host(plugins).verificationCache(cache));
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.toString().endsWith(".entry")).sorted().toList();
        }
    }

    @Test
    void truncatedAndGarbledEntriesAreIgnoredAndReplaced() throws Exception {
        VerificationCacheTest.Run first = run();
        List<Path> entries = entries();
        byte[] whole = Files.readAllBytes(entries.get(0));
        Files.write(entries.get(0), java.util.Arrays.copyOf(whole, whole.length / 2));
        byte[] garbled = Files.readAllBytes(entries.get(1));
        garbled[garbled.length / 3] ^= 1;
        Files.write(entries.get(1), garbled);

        VerificationCacheTest.Run second = run();
        VerificationCacheTest.Run third = run();

        assertThat(second.verified()).isEqualTo(2);
        assertThat(second.reused()).isEqualTo(1);
        assertThat(second.findings()).isEqualTo(first.findings());
        assertThat(Files.readAllBytes(entries.get(0))).isEqualTo(whole);
        assertThat(third.verified()).isZero();
        assertThat(third.reused()).isEqualTo(3);
    }

    @Test
    void anEntryOfAnotherFormatVersionOrAnotherKeyIsIgnoredAndReplaced() throws Exception {
        VerificationCacheTest.Run first = run();
        List<Path> entries = entries();
        String text = Files.readString(entries.get(0));
        String body = text.substring(0, text.lastIndexOf("end\t"));
        Files.write(entries.get(0), signed(body.replace("plinth-verification-cache\t3\n",
                "plinth-verification-cache\t4\n")));
        Files.copy(entries.get(2), entries.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        VerificationCacheTest.Run second = run();

        assertThat(second.verified()).isEqualTo(2);
        assertThat(second.reused()).isEqualTo(1);
        assertThat(second.findings()).isEqualTo(first.findings());
        for (Path entry : entries()) {
            String name = entry.getFileName().toString();
            assertThat(Files.readString(entry)).startsWith("plinth-verification-cache\t3\nkey\t"
                    + name.substring(0, name.length() - ".entry".length()) + "\n");
        }
        assertThat(run().reused()).isEqualTo(3);
    }

    /** An entry whose checksum is right: {@code body} and its {@code end} line. */
    private static byte[] signed(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (body + "end\t" + CacheEntry.checksum(bytes) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twoHostsStartingAtOnceOnOneCacheDirectoryBothGetTheFindingsOfAHostWithout() throws Exception {
        VerificationCacheTest.Run expected = VerificationCacheTest.run(Fixtures.host(plugins)
                .verificationCache(false));
        assertThat(expected.findings().get("exits")).extracting(f -> f.code()).contains(FindingCode.SYSTEM_EXIT);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<VerificationCacheTest.Run>> runs = new ArrayList<>();
                for (int host = 0; host < 2; host++) {
                    runs.add(pool.submit(() -> {
                        PluginHostBuilder builder = Fixtures.host(plugins).verificationCache(cache);
                        together.await(30, TimeUnit.SECONDS);
                        return VerificationCacheTest.run(builder);
                    }));
                }
                for (Future<VerificationCacheTest.Run> result : runs) {
                    VerificationCacheTest.Run run = result.get(60, TimeUnit.SECONDS);
                    assertThat(run.findings()).isEqualTo(expected.findings());
                    assertThat(run.states()).isEqualTo(expected.states());
                    assertThat(run.verified() + run.reused()).isEqualTo(3);
                }
                if (round < 2) {
                    WorkDirectories.delete(cache);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(run().reused()).isEqualTo(3);
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
