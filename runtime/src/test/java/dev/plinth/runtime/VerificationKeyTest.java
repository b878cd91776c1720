package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.PluginArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache key changes with every input the findings depend on, and only with them. */
class VerificationKeyTest {
    private static final String JDK = "17.0.15+6 Debian /usr/lib/jvm/java-17";
    private static final VerificationKey.Environment ENV = new VerificationKey.Environment("0.1.0", "c0de", 17,
            "b007", JDK, "Linux", "amd64");
    private static final Set<String> SHARED = Set.of("com.acme.api", "dev.plinth.api");

    @TempDir
    Path dir;
    private PluginArchive plugin;
    private PluginArchive core;

    @BeforeEach
    void jars() throws Exception {
        plugin = PluginArchive.read(Fixtures.filterPlugin("upper", "Upper", "return in;").writeTo(dir));
        core = PluginArchive.read(Fixtures.filterPlugin("core", "Core", "return in;").writeTo(dir));
    }

    private String key(PluginArchive archive, List<PluginArchive> dependencies, Set<String> shared,
                       VerificationKey.Environment env) {
        return VerificationKey.of(archive, dependencies, shared, env).orElseThrow();
    }

    @Test
    void theSameInputsGiveTheSameKey() throws Exception {
        PluginArchive again = PluginArchive.read(plugin.path());

        assertThat(key(again, List.of(core), SHARED, ENV)).isEqualTo(key(plugin, List.of(core), SHARED, ENV))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void otherJarBytesAnotherPathOrAnotherDependencyGiveAnotherKey() throws Exception {
        String base = key(plugin, List.of(core), SHARED, ENV);
        PluginArchive changed = PluginArchive.read(Fixtures.filterPlugin("upper", "Upper", "return in + 1;")
                .writeTo(Files.createDirectories(dir.resolve("changed"))));
        PluginArchive moved = PluginArchive.read(Files.copy(plugin.path(),
                Files.createDirectories(dir.resolve("moved")).resolve("upper.jar")));
        PluginArchive otherCore = PluginArchive.read(Fixtures.filterPlugin("core", "Core", "return in + 2;")
                .writeTo(Files.createDirectories(dir.resolve("core2"))));

        assertThat(List.of(key(changed, List.of(core), SHARED, ENV), key(moved, List.of(core), SHARED, ENV),
                key(plugin, List.of(otherCore), SHARED, ENV), key(plugin, List.of(), SHARED, ENV),
                key(plugin, List.of(core), Set.of("com.acme.api", "com.acme.spi", "dev.plinth.api"), ENV)))
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void anotherPlinthJvmReleaseJdkOrPlatformGivesAnotherKey() {
        String base = key(plugin, List.of(), SHARED, ENV);
        List<VerificationKey.Environment> others = List.of(
                new VerificationKey.Environment("0.2.0", "c0de", 17, "b007", JDK, "Linux", "amd64"),
                new VerificationKey.Environment("0.1.0", "c0de2", 17, "b007", JDK, "Linux", "amd64"),
                new VerificationKey.Environment("0.1.0", "c0de", 21, "b007", JDK, "Linux", "amd64"),
                new VerificationKey.Environment("0.1.0", "c0de", 17, "b008", JDK, "Linux", "amd64"),
                new VerificationKey.Environment("0.1.0", "c0de", 17, "b007", "17.0.15+6 Eclipse Adoptium /opt/jdk",
                        "Linux", "amd64"),
                new VerificationKey.Environment("0.1.0", "c0de", 17, "b007", JDK, "Mac OS X", "amd64"),
                new VerificationKey.Environment("0.1.0", "c0de", 17, "b007", JDK, "Linux", "aarch64"));

        assertThat(others.stream().map(env -> key(plugin, List.of(), SHARED, env)).toList())
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void anUnreadableJarHasNoKey() throws Exception {
        PluginArchive garbage = PluginArchive.read(Files.writeString(dir.resolve("garbage.jar"), "not a zip"));

        assertThat(VerificationKey.of(garbage, List.of(), SHARED, ENV)).isEmpty();
        assertThat(VerificationKey.of(plugin, List.of(garbage), SHARED, ENV)).isEmpty();
    }

    @Test
    void thisJvmsEnvironmentFingerprintsPlinthsCode() {
        VerificationKey.Environment env = VerificationKey.Environment.current().orElseThrow();

        assertThat(env.javaRelease()).isEqualTo(Runtime.version().feature());
        // a class directory (a reactor build) is hashed; a jar is named by its path and stamp once it is seconds old
        assertThat(env.plinthCode()).matches("[0-9a-f]{64}|jar /.+\\.jar -?\\d+ -?\\d+ -?\\d+ \\d+:\\d+");
        assertThat(env.jdkModules()).matches("[0-9a-f]{64}");
        assertThat(env.jdkBuild()).startsWith(System.getProperty("java.runtime.version") + " ")
                .endsWith(" " + System.getProperty("java.home"));
        assertThat(env.os()).isEqualTo(System.getProperty("os.name"));
    }
}
