package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
