package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Lockfile;
import dev.plinth.verify.PluginArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityTest {
    @TempDir
    Path dir;

    @Test
    void lockfileAdmitsPinnedJarsAndRefusesAnyOther() throws Exception {
        Path plugins = dir.resolve("plugins");
        Path upper = Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();").writeTo(plugins);
        Path lock = dir.resolve("plinth.lock");
        Lockfile.of(lock, List.of(PluginArchive.read(upper))).write();
        Fixtures.filterPlugin("upper", "Upper", "return \"tampered\";").writeTo(dir.resolve("elsewhere"));
        Fixtures.filterPlugin("extra", "Extra", "return in;").writeTo(plugins);

        try (PluginHost host = Fixtures.host(plugins).lockfile(lock).build()) {
            host.start();

            assertThat(host.plugin("upper").orElseThrow().state()).isEqualTo(PluginState.STARTED);
            PluginInfo extra = host.plugin("extra").orElseThrow();
            assertThat(extra.state()).isEqualTo(PluginState.FAILED);
            assertThat(extra.findings()).extracting(Finding::code, Finding::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.LOCK_MISMATCH,
                            "extra.jar: plugin extra is not in " + lock));
        }
        Files.copy(dir.resolve("elsewhere/upper.jar"), upper, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (PluginHost host = Fixtures.host(plugins).lockfile(lock).build()) {
            host.start();

            Finding f = host.plugin("upper").orElseThrow().findings().get(0);
            assertThat(f.code()).isEqualTo(FindingCode.LOCK_MISMATCH);
            assertThat(f.message()).startsWith("upper.jar: upper@1.0.0 sha256 ").contains(" does not match " + lock
                    + " (upper@1.0.0 sha256 ").endsWith(", locked from upper.jar)");
            assertThat(host.extensions(Filter.class)).isEmpty();
        }
    }

    @Test
    void aStartedPluginsJarChangedOrDeletedOnDiskIsRaisedAtOnceAsAnEventWhileTheLoadedVersionServes()
            throws Exception {
        Path plugins = dir.resolve("plugins");
        Path upper = Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();").writeTo(plugins);
        Path changed = Fixtures.filterPlugin("upper", "Upper", "return \"changed\";").writeTo(dir.resolve("v2"));
        List<PluginEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PluginHost host = Fixtures.host(plugins).listener(events::add).build()) {
            host.start();
            String loaded = host.plugin("upper").orElseThrow().sha256();

            Files.copy(changed, upper, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            PerPluginLockingTest.await(() -> jarChanged(events) == 1, java.time.Duration.ofSeconds(30));
            Files.delete(upper);
            PerPluginLockingTest.await(() -> jarChanged(events) == 2, java.time.Duration.ofSeconds(30));

            assertThat(events).filteredOn(e -> e.type() == PluginEvent.Type.JAR_CHANGED)
                    .extracting(PluginEvent::detail).containsExactly(
                            "upper.jar: changed on disk since it was loaded (loaded sha256 " + loaded + ", now sha256 "
                                    + PluginArchive.sha256(changed) + "); the loaded version keeps serving",
                            "upper.jar: changed on disk since it was loaded (loaded sha256 " + loaded
                                    + ", now deleted); the loaded version keeps serving");
            assertThat(host.plugin("upper").orElseThrow().findings()).extracting(Finding::code)
                    .containsExactly(FindingCode.JAR_CHANGED, FindingCode.JAR_CHANGED);
            assertThat(host.extensions(Filter.class).get(0).apply("hi")).isEqualTo("HI");
        }
    }

    @Test
    void aPluginsLibrariesLoadFromVerifiedCopiesAndAFilePlantedUnderALibrarysNameIsReplaced() throws Exception {
        Path lib = dev.plinth.testjars.TestJar.named("words").source("com.acme.words.Words",
                "package com.acme.words; public class Words { public static String shout(String s) {"
                        + " return s.toUpperCase() + \"!\"; } }").writeTo(dir.resolve("lib-src"));
        Path tampered = dev.plinth.testjars.TestJar.named("words").source("com.acme.words.Words",
                "package com.acme.words; public class Words { public static String shout(String s) {"
                        + " return \"tampered\"; } }").writeTo(dir.resolve("tampered"));
        Path[] cp = {Fixtures.compileClasspath()[0], Fixtures.compileClasspath()[1], lib};
        Fixtures.filterPlugin("loud", "Loud", "return com.acme.words.Words.shout(in)"
                        + " + \" \" + com.acme.words.Words.class.getClassLoader().getName();").classpath(cp)
                .entry("lib/words.jar", Files.readAllBytes(lib)).writeTo(dir.resolve("plugins"));
        Path shadow = Files.createDirectories(dir.resolve("work/shadow"));
        Files.copy(tampered, shadow.resolve(PluginArchive.sha256(lib) + ".jar"));

        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).workDirectory(dir.resolve("work")).build()) {
            host.start();

            assertThat(host.plugin("loud").orElseThrow().findings()).isEmpty();
            assertThat(host.extensions(Filter.class).get(0).apply("hi")).isEqualTo("HI! plugin:loud@1.0.0");
        }
        assertThat(Files.readAllBytes(shadow.resolve(PluginArchive.sha256(lib) + ".jar")))
                .isEqualTo(Files.readAllBytes(lib));
    }

    private static long jarChanged(List<PluginEvent> events) {
        return events.stream().filter(e -> e.type() == PluginEvent.Type.JAR_CHANGED).count();
    }

    @Test
    void fileAlreadyNamedLikeTheShadowCopyIsReplacedByTheVerifiedJarNeverLoaded() throws Exception {
        Path upper = Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();")
                .writeTo(dir.resolve("plugins"));
        Path lock = dir.resolve("plinth.lock");
        Lockfile.of(lock, List.of(PluginArchive.read(upper))).write();
        Path tampered = Fixtures.filterPlugin("upper", "Upper", "return \"tampered\";").writeTo(dir.resolve("other"));
        Path planted = Files.createDirectories(dir.resolve("work/shadow"))
                .resolve(PluginArchive.sha256(upper) + ".jar");
        Files.copy(tampered, planted);

        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).lockfile(lock).workDirectory(dir.resolve("work"))
                .build()) {
            host.start();

            assertThat(host.extensions(Filter.class)).extracting(f -> f.apply("x")).containsExactly("X");
        }
        assertThat(PluginArchive.sha256(planted)).isEqualTo(PluginArchive.sha256(upper));
    }

    @Test
    void symbolicLinkInTheShadowStoreIsReplacedNotFollowed() throws Exception {
        Path upper = Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();")
                .writeTo(dir.resolve("plugins"));
        Path lock = dir.resolve("plinth.lock");
        Lockfile.of(lock, List.of(PluginArchive.read(upper))).write();
        Path tampered = Fixtures.filterPlugin("upper", "Upper", "return \"tampered\";").writeTo(dir.resolve("other"));
        String tamperedSha = PluginArchive.sha256(tampered);
        Path link = Files.createDirectories(dir.resolve("work/shadow")).resolve(PluginArchive.sha256(upper) + ".jar");
        Files.createSymbolicLink(link, tampered);

        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).lockfile(lock).workDirectory(dir.resolve("work"))
                .build()) {
            host.start();

            assertThat(host.extensions(Filter.class)).extracting(f -> f.apply("x")).containsExactly("X");
        }
        assertThat(link).isRegularFile().satisfies(p -> assertThat(Files.isSymbolicLink(p)).isFalse());
        assertThat(PluginArchive.sha256(tampered)).as("the link's target is left alone").isEqualTo(tamperedSha);
    }

    @Test
    void unreadableLockfileRefusesEveryJar() throws Exception {
        Fixtures.filterPlugin("upper", "Upper", "return in;").writeTo(dir);
        Path lock = dir.resolve("missing.lock");

        try (PluginHost host = Fixtures.host(dir).lockfile(lock).build()) {
            host.start();

            assertThat(host.plugin("upper").orElseThrow().findings()).extracting(Finding::message)
                    .containsExactly(lock + ": cannot be read (" + lock + "); no plugin is loaded without it");
        }
    }

    @Test
    void aJarOverwrittenBetweenResolveAndStartLoadsTheBytesThatWereVerified() throws Exception {
        Path jar = Fixtures.filterPlugin("swap", "Swap", "return \"verified\";").writeTo(dir);
        String verified = PluginArchive.sha256(jar);
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.resolve();
            Fixtures.filterPlugin("swap", "Swap", "return \"swapped\";").writeTo(dir); // in place, same name

            host.start();

            assertThat(host.extensions(Filter.class)).extracting(f -> f.apply("")).containsExactly("verified");
            assertThat(host.plugin("swap").orElseThrow().sha256()).isEqualTo(verified);
            assertThat(host.verifyIntegrity()).extracting(Finding::code).containsExactly(FindingCode.JAR_CHANGED);
        }
    }

    @Test
    void jarChangedOnDiskIsReportedWithBothHashesWhileTheLoadedVersionServes() throws Exception {
        Path jar = Fixtures.filterPlugin("drift", "Drift", "return \"old\";").writeTo(dir);
        String loaded = PluginArchive.sha256(jar);
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();
            assertThat(host.verifyIntegrity()).isEmpty();
            Fixtures.filterPlugin("drift", "Drift", "return \"new\";").writeTo(dir);
            String now = PluginArchive.sha256(jar);

            List<Finding> changed = host.verifyIntegrity();

            assertThat(changed).extracting(Finding::code, Finding::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.JAR_CHANGED, "drift.jar: changed on disk since it"
                            + " was loaded (loaded sha256 " + loaded + ", now sha256 " + now + "); the loaded version"
                            + " keeps serving"));
            assertThat(host.extensions(Filter.class).get(0).apply("")).isEqualTo("old");
            assertThat(host.plugin("drift").orElseThrow().findings()).hasSize(1);

            assertThat(host.reload("drift").reloaded()).isTrue();
            assertThat(host.extensions(Filter.class).get(0).apply("")).isEqualTo("new");
            assertThat(host.verifyIntegrity()).isEmpty();
        }
    }
}
