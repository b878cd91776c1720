package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginWatcherTest {
    @TempDir
    Path dir;

    @Test
    void droppedChangedAndRemovedJarsAreAddedReloadedAndUnloaded() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path staging = dir.resolve("staging");
        Fixtures.filterPlugin("upper", "Upper", "return \"v1\";").writeTo(plugins);
        try (PluginHost host = Fixtures.host(plugins).build()) {
            host.start();
            Filter held = host.extensions(Filter.class).get(0);
            PluginWatcher watcher = PluginWatcher.watch(host, plugins, Duration.ofMillis(200));
            try {
                // a new version, copied in under a temporary name and renamed over the old jar
                Path next = Fixtures.filterPlugin("upper", "Upper", "return \"v2\";").writeTo(staging);
                Files.move(next, plugins.resolve("upper.jar"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                awaitEquals(() -> held.apply(""), "v2");

                Files.move(Fixtures.filterPlugin("lower", "Lower", "return \"lower\";").writeTo(staging),
                        plugins.resolve("lower.jar"), StandardCopyOption.ATOMIC_MOVE);
                awaitEquals(() -> host.extensions(Filter.class).stream().map(f -> f.apply("")).toList(),
                        List.of("lower", "v2"));

                Files.delete(plugins.resolve("lower.jar"));
                awaitEquals(() -> host.extensions(Filter.class).size(), 1);
            } finally {
                watcher.close();
            }
            assertThat(host.plugin("lower")).isEmpty();
        }
    }

    @Test
    void jarWhoseCopyStallsPastTheQuietPeriodIsLoadedOnlyOnceComplete() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        byte[] jar = Files.readAllBytes(Fixtures.filterPlugin("late", "Late", "return \"late\";")
                .writeTo(dir.resolve("staging")));
        try (PluginHost host = Fixtures.host(plugins).build()) {
            host.start();
            PluginWatcher watcher = PluginWatcher.watch(host, plugins, Duration.ofMillis(100));
            try {
                try (OutputStream out = Files.newOutputStream(plugins.resolve("late.jar"))) {
                    out.write(jar, 0, jar.length / 2);
                    out.flush();
                    // the copy stalls for ten quiet periods: the half must not be loaded meanwhile
                    assertStaysEqual(() -> host.plugins().size(), 0, Duration.ofSeconds(1));
                    out.write(jar, jar.length / 2, jar.length - jar.length / 2);
                }

                awaitEquals(() -> host.extensions(Filter.class).stream().map(f -> f.apply("")).toList(),
                        List.of("late"));
                assertThat(host.findings()).isEmpty();
            } finally {
                watcher.close();
            }
        }
    }

    /** Polls {@code actual} until {@code period} has passed, failing as soon as it is not {@code expected}. */
    private static <T> void assertStaysEqual(Supplier<T> actual, T expected, Duration period) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() - end < 0) {
            assertThat(actual.get()).isEqualTo(expected);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static <T> void awaitEquals(Supplier<T> actual, T expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        T last = actual.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            last = actual.get();
        }
        assertThat(last).isEqualTo(expected);
    }
}
