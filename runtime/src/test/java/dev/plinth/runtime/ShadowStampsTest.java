package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.PluginArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept shadow store trusts a jar and its copy by stamp only while neither changed; any change of content — even
 * one that keeps size and modification time — makes it hash both again. Real files on the real file system; a store
 * whose settle time is {@link #SETTLE} instead of seconds, and a wait (polled, with a deadline) until the files are
 * that old, stand in for a restart seconds later.
 */
class ShadowStampsTest {
    private static final Duration SETTLE = Duration.ofMillis(50);
    @TempDir
    Path dir;
    private Path jar;
    private Path cache;
    private ShadowStore store;

    @BeforeEach
    void jarAndStore() throws Exception {
        jar = Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();").writeTo(dir.resolve("plugins"));
        cache = dir.resolve("shadows");
        store = new ShadowStore(cache, true, SETTLE);
    }

    private ShadowStamps stamps() {
        return new ShadowStamps(cache, SETTLE);
    }

    @Test
    void aSecondCopyOfAnUnchangedJarRecordsBothStampsAndAThirdReadsNothing() throws Exception {
        ShadowStore.Copy first = store.copy(jar); // writes the copy: changed just now, recorded at the next
        assertThat(stamps().known(jar)).isEmpty();
        settled(jar, first.path());
        ShadowStore.Copy second = store.copy(jar);

        assertThat(stamps().known(jar)).contains(new ShadowStore.Copy(first.path(), PluginArchive.sha256(jar)));
        assertThat(store.copy(jar)).isEqualTo(second).isEqualTo(first);
        assertThat(stampFiles()).hasSize(1);
    }

    @Test
    void aJarRewrittenInPlaceWithItsSizeAndModificationTimeKeptIsHashedAgain() throws Exception {
        settled(jar, store.copy(jar).path());
        store.copy(jar);
        String before = PluginArchive.sha256(jar);
        FileTime modified = Files.getLastModifiedTime(jar);
        byte[] bytes = Files.readAllBytes(jar);
        bytes[bytes.length / 2] ^= 1; // same size
        Files.write(jar, bytes);
        Files.setLastModifiedTime(jar, modified); // what 'cp -p' or a careless tool does: only ctime tells

        assertThat(stamps().known(jar)).isEmpty();
        ShadowStore.Copy copy = store.copy(jar);
        assertThat(copy.sha256()).isEqualTo(PluginArchive.sha256(jar)).isNotEqualTo(before);
        assertThat(Files.readAllBytes(copy.path())).isEqualTo(bytes);
    }

    @Test
    void aCopyChangedAfterItsStampWasRecordedIsReplacedWithTheJarsBytes() throws Exception {
        settled(jar, store.copy(jar).path());
        Path copy = store.copy(jar).path();
        Files.write(copy, "not the plugin".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(stamps().known(jar)).isEmpty();
        assertThat(store.copy(jar).path()).isEqualTo(copy);
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(jar));
    }

    @Test
    void aStampFileThatIsGarbageOrOfAnotherJarIsAMissAndIsWrittenAnew() throws Exception {
        settled(jar, store.copy(jar).path());
        store.copy(jar);
        Path stamp = stampFiles()[0];
        Files.writeString(stamp, "plinth-shadow-stamp 1\n/elsewhere/other.jar\n1 2 3 4:5\n" + "0".repeat(64)
                + "\n1 2 3 4:5\n");
        assertThat(stamps().known(jar)).isEmpty();
        Files.writeString(stamp, "\u0000garbage");
        assertThat(stamps().known(jar)).isEmpty();

        ShadowStore.Copy copy = store.copy(jar); // the jar and copy are unchanged and settled: recorded again

        assertThat(copy.sha256()).isEqualTo(PluginArchive.sha256(jar));
        assertThat(stamps().known(jar)).contains(copy);
    }

    @Test
    void filesThatChangedWithinTheSettleTimeAreNotRecorded() throws Exception {
        ShadowStore settling = new ShadowStore(cache, true, Duration.ofHours(1)); // both files are younger

        settling.copy(jar);
        settling.copy(jar);

        assertThat(stampFiles()).isEmpty();
        assertThat(new ShadowStamps(cache, Duration.ofHours(1)).known(jar)).isEmpty();
    }

    /** Waits until every file last changed {@link #SETTLE} ago: then a stamp of it may be recorded. */
    private static void settled(Path... files) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (Path file : files) {
            while (!FileStamp.of(file).orElseThrow().settled(java.time.Instant.now(), SETTLE)) {
                assertThat(System.nanoTime()).as("%s settled", file).isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    private Path[] stampFiles() throws Exception {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.toString().endsWith(ShadowStamps.SUFFIX)).toArray(Path[]::new);
        }
    }
}
