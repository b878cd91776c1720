package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.Lockfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}
