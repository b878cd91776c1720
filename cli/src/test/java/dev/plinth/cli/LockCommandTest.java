package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.Lockfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LockCommandTest {
    @TempDir
    Path dir;

    @Test
    void lockPinsEveryJarOfTheDirectory() throws IOException {
        Path api = Fixtures.apiClasses(dir);
        Path jar = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", api).toRealPath();

        Cli.Result result = Cli.run(dir, "lock", "plugins");

        Path lock = dir.resolve("plugins/plinth.lock");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("  uppercase 1.0.0 " + Sha256.of(jar) + " uppercase.jar\n"
                + "wrote " + lock + " (1 plugin)\n");
        assertThat(Lockfile.read(lock).entries()).extracting(Lockfile.Entry::id, Lockfile.Entry::sha256)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("uppercase", Sha256.of(jar)));
    }

    @Test
    void lockRefusesADirectoryWithACorruptJarAndWritesNothing() throws IOException {
        Fixtures.corruptJar(dir.resolve("plugins"), "broken");

        Cli.Result result = Cli.run(dir, "lock", "plugins");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("plinth lock: error[corrupt-jar] broken: broken.jar: not a readable zip"
                + " archive (").endsWith("plinth lock: nothing written; fix the jars above first\n");
        assertThat(Files.exists(dir.resolve("plugins/plinth.lock"))).isFalse();
    }

    @Test
    void missingDirectoryIsAUsageError() {
        Cli.Result result = Cli.run(dir, "lock", "nowhere");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith(dir.resolve("nowhere") + ": no such directory (resolved against " + dir
                + ")\nUsage: plinth lock ");
    }

    @Test
    void fileGivenAsDirectoryIsAUsageError() throws IOException {
        Path jar = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", Fixtures.apiClasses(dir));

        Cli.Result result = Cli.run(dir, "lock", jar.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith(jar + ": not a directory; pass the directory that holds the plugin"
                + " jars\n");
    }

    @Test
    void directoryWithoutJarsIsAnErrorAsInDoctorAndWritesNothing() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        Cli.Result result = Cli.run(dir, "lock", "empty");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("plinth lock: error[path-unresolved] empty: " + empty
                + ": no *.jar files in this directory (fix: check the path; pass the directory that holds the plugin"
                + " jars, or the jars themselves)\n"
                + "plinth lock: nothing written; fix the jars above first\n");
        assertThat(Files.exists(empty.resolve("plinth.lock"))).isFalse();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a read blocked on a FIFO fails, not hangs
    void fifoNamedJarIsNeverOpened() throws IOException, InterruptedException {
        Path jar = Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", Fixtures.apiClasses(dir)).toRealPath();
        Fixtures.fifo(dir.resolve("plugins/a-stream.jar"));

        Cli.Result result = Cli.run(dir, "lock", "plugins");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("  uppercase 1.0.0 " + Sha256.of(jar) + " uppercase.jar\n"
                + "wrote " + dir.resolve("plugins/plinth.lock") + " (1 plugin)\n");
    }

    @Test
    void outputIntoAMissingDirectoryIsAUsageErrorAndWritesNothing() throws IOException {
        Fixtures.cleanPlugin(dir.resolve("plugins"), "uppercase", Fixtures.apiClasses(dir));

        Cli.Result result = Cli.run(dir, "lock", "-o", "deploy/plinth.lock", "plugins");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("--output " + dir.resolve("deploy/plinth.lock") + ": no such directory "
                + dir.resolve("deploy") + " (resolved against " + dir + ")\n");
        assertThat(Files.exists(dir.resolve("deploy"))).isFalse();
    }
}
