package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import dev.plinth.verify.PluginArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShadowCacheTest {
    @TempDir
    Path dir;

    @Test
    void aRestartWithUnchangedJarsReusesTheirCopiesAndWritesNoFile() throws Exception {
        Path plugins = dir.resolve("plugins");
        Path upper = Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();").writeTo(plugins);
        Path cache = dir.resolve("shadows");
        Path copy = cache.resolve(PluginArchive.sha256(upper) + ".jar");

        try (PluginHost host = Fixtures.host(plugins).shadowCache(cache).build()) {
            host.start();
            assertThat(host.extensions(Filter.class).get(0).apply("a")).isEqualTo("A");
        }
        Object written = Files.readAttributes(copy, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        FileTime modified = Files.getLastModifiedTime(copy);
        try (PluginHost host = Fixtures.host(plugins).shadowCache(cache).build()) {
            host.start();
            assertThat(host.extensions(Filter.class).get(0).apply("b")).isEqualTo("B");
        }

        assertThat(files(cache)).containsExactly(copy);
        assertThat(Files.readAttributes(copy, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(written);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(modified);
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(upper));
    }

    @Test
    void aKeptCopyWhoseContentNoLongerHasItsNamesSha256IsReplacedNeverLoaded() throws Exception {
        Path plugins = dir.resolve("plugins");
        Path upper = Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();").writeTo(plugins);
        Path tampered = Fixtures.filterPlugin("upper", "Upper", "return \"tampered\";").writeTo(dir.resolve("t"));
        Path cache = dir.resolve("shadows");
        Path copy = cache.resolve(PluginArchive.sha256(upper) + ".jar");
        try (PluginHost host = Fixtures.host(plugins).shadowCache(cache).build()) {
            host.start();
        }
        Files.copy(tampered, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        try (PluginHost host = Fixtures.host(plugins).shadowCache(cache).build()) {
            host.start();
            assertThat(host.extensions(Filter.class).get(0).apply("a")).isEqualTo("A");
        }

        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(upper));
    }

    @Test
    void copiesUnusedForThirtyDaysAndOldTemporaryFilesArePrunedAndAReusedCopyIsMarkedUsed() throws Exception {
        Path plugins = dir.resolve("plugins");
        Path upper = Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();").writeTo(plugins);
        Path cache = Files.createDirectories(dir.resolve("shadows"));
        Path stale = aged(Files.write(cache.resolve("0".repeat(64) + ".jar"), new byte[] {1}), Duration.ofDays(31));
        Path recent = aged(Files.write(cache.resolve("1".repeat(64) + ".jar"), new byte[] {1}), Duration.ofDays(29));
        Path leftOver = aged(Files.write(cache.resolve("copy-1-1.tmp"), new byte[] {1}), Duration.ofDays(2));
        Path staleStamp = aged(Files.write(cache.resolve("0123456789abcdef.stamp"), new byte[] {1}),
                Duration.ofDays(31));
        Path copy = cache.resolve(PluginArchive.sha256(upper) + ".jar");
        aged(Files.copy(upper, copy), Duration.ofDays(10));

        try (PluginHost host = Fixtures.host(plugins).shadowCache(cache).build()) {
            host.start();
            assertThat(host.extensions(Filter.class).get(0).apply("a")).isEqualTo("A");
        }

        assertThat(files(cache)).containsExactlyInAnyOrder(recent, copy).doesNotContain(stale, leftOver);
        assertThat(staleStamp).doesNotExist();
        assertThat(Duration.between(Files.getLastModifiedTime(copy).toInstant(), Instant.now()))
                .isLessThan(Duration.ofDays(1));
    }

    @Test
    void byDefaultCopiesAreKeptInTheUsersCacheAndWithTheCacheOffTheyGoWithTheWorkDirectory() throws Exception {
        String unique = UUID.randomUUID().toString();
        Path kept = Fixtures.filterPlugin("kept", "Kept", "return \"" + unique + "\";").writeTo(dir.resolve("a"));
        Path temporary = Fixtures.filterPlugin("temp", "Temp", "return \"" + unique + "\";")
                .writeTo(dir.resolve("b"));
        Path userCache = UserCache.directory("shadow");

        try (PluginHost host = Fixtures.host(dir.resolve("a")).build()) {
            host.start();
            assertThat(host.extensions(Filter.class).get(0).apply("x")).isEqualTo(unique);
        }
        try (PluginHost host = Fixtures.host(dir.resolve("b")).shadowCache(false).build()) {
            host.start();
            assertThat(host.extensions(Filter.class).get(0).apply("x")).isEqualTo(unique);
        }

        assertThat(userCache.resolve(PluginArchive.sha256(kept) + ".jar")).exists();
        assertThat(userCache.resolve(PluginArchive.sha256(temporary) + ".jar")).doesNotExist();
    }

    @Test
    void aShadowCacheThatCannotBeCreatedFallsBackToTheWorkDirectoryAndThePluginsStart() throws Exception {
        Path plugins = dir.resolve("plugins");
        Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();").writeTo(plugins);
        Path blocked = Files.writeString(dir.resolve("not-a-directory"), "a file where the cache would be");

        try (PluginHost host = Fixtures.host(plugins).shadowCache(blocked.resolve("shadow")).build()) {
            host.start();

            assertThat(host.plugin("upper").orElseThrow().state()).isEqualTo(PluginState.STARTED);
            assertThat(host.extensions(Filter.class).get(0).apply("a")).isEqualTo("A");
        }
        assertThat(blocked).isRegularFile().hasContent("a file where the cache would be");
    }

    private static Path aged(Path file, Duration age) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    /** The store's copies and temporary files; not the stamps it may record of them (ShadowStampsTest). */
    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> all = Files.list(directory)) {
            return all.filter(p -> !p.toString().endsWith(ShadowStamps.SUFFIX)).sorted().toList();
        }
    }
}
