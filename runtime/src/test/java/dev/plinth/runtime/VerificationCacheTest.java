package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings kept across restarts: reused while every input is unchanged, verified again when one changes. */
class VerificationCacheTest {
    static final String NAMES_V1 = "package com.acme.names; public class Names {"
            + " public static String upper(String s) { return s.toUpperCase(); } }";
    static final String NAMES_V2 = "package com.acme.names; public class Names {"
            + " public static String upper(String s) { return s.toUpperCase(); }"
            + " public static String lower(String s) { return s.toLowerCase(); } }";

    @TempDir
    Path dir;
    private Path plugins;
    private Path cache;

    @BeforeEach
    void folders() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        cache = dir.resolve("cache");
    }

    /** What one host saw: findings and state per plugin, and how many plugins its cache verified and reused. */
    record Run(Map<String, List<Finding>> findings, Map<String, PluginState> states, int verified, int reused) {
    }

    static Run run(PluginHostBuilder builder) {
        HostConfig config = builder.config();
        try (PluginHost host = new PluginHost(config)) {
            host.start();
            Map<String, List<Finding>> findings = new TreeMap<>();
            Map<String, PluginState> states = new TreeMap<>();
            host.plugins().forEach(p -> {
                findings.put(p.id(), p.findings());
                states.put(p.id(), p.state());
            });
            VerificationCache used = config.verificationCache();
            return new Run(findings, states, used == null ? -1 : used.verified(), used == null ? -1 : used.reused());
        }
    }

    private Run run() {
        return run(Fixtures.host(plugins).verificationCache(cache));
    }

    /** A clean plugin and one with a warning (it bundles a class of the host API). */
    private void twoPlugins() throws Exception {
        Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();").writeTo(plugins);
        Fixtures.filterPlugin("bundler", "Bundler", "return in;")
                .source("com.acme.api.Bundled", "package com.acme.api; public class Bundled {}").writeTo(plugins);
    }

    @Test
    void aRestartWithUnchangedJarsVerifiesNothing() throws Exception {
        twoPlugins();

        Run first = run();
        Run second = run();

        assertThat(first.verified()).isEqualTo(2);
        assertThat(first.reused()).isZero();
        assertThat(second.verified()).isZero();
        assertThat(second.reused()).isEqualTo(2);
        assertThat(second.findings()).isEqualTo(first.findings());
        assertThat(second.states()).containsValues(PluginState.STARTED).doesNotContainValue(PluginState.FAILED);
        assertThat(first.findings().get("bundler")).extracting(Finding::code)
                .contains(FindingCode.BUNDLED_HOST_API);
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString())).hasSize(2)
                    .allMatch(name -> name.matches("[0-9a-f]{64}\\.entry"));
        }
    }

    @Test
    void aHitMarksAnEntryUsedOnlyWhenItsLastUseIsADayOld() throws Exception {
        Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase();").writeTo(plugins);
        run();
        Path entry;
        try (Stream<Path> entries = Files.list(cache)) {
            entry = entries.filter(p -> p.toString().endsWith(".entry")).findFirst().orElseThrow();
        }
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        Files.setLastModifiedTime(entry, hourAgo);

        assertThat(run().reused()).isEqualTo(1);
        assertThat(Files.getLastModifiedTime(entry)).isEqualTo(hourAgo); // no write per hit

        Files.setLastModifiedTime(entry, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(10))));
        assertThat(run().reused()).isEqualTo(1);
        assertThat(java.time.Duration.between(Files.getLastModifiedTime(entry).toInstant(), java.time.Instant.now()))
                .isLessThan(java.time.Duration.ofDays(1)); // kept from pruning
    }

    @Test
    void aJarWhoseCorruptionOnlyAWholeReadShowsIsNeverCachedAndRefusedAtEveryStart() throws Exception {
        Fixtures.filterPlugin("junk", "Junk", "return in;")
                .entry("com/acme/junk/Broken.class", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).writeTo(plugins);

        Run first = run();
        Run second = run();

        assertThat(second.reused()).as("a restart reads an outline, which does not open Broken.class").isZero();
        assertThat(second.verified()).isEqualTo(1);
        assertThat(second.states()).containsEntry("junk", PluginState.FAILED);
        assertThat(second.findings()).isEqualTo(first.findings());
        assertThat(first.findings().get("junk")).extracting(Finding::code, Finding::message)
                .contains(org.assertj.core.groups.Tuple.tuple(FindingCode.CORRUPT_JAR,
                        "junk.jar: com/acme/junk/Broken.class: not a class file (bad magic number)"));
    }

    @Test
    void aChangedJarIsVerifiedAgainAndTheOthersAreNot() throws Exception {
        twoPlugins();
        run();
        Fixtures.filterPlugin("upper", "Upper", "return in.toUpperCase() + \"!\";").writeTo(plugins);

        Run after = run();

        assertThat(after.verified()).isEqualTo(1);
        assertThat(after.reused()).isEqualTo(1);
    }

    @Test
    void withTheCacheOffEveryStartVerifiesAndNothingIsWritten() throws Exception {
        twoPlugins();

        Run off = run(Fixtures.host(plugins).verificationCache(cache).verificationCache(false));

        assertThat(off.verified()).isEqualTo(-1);
        assertThat(cache).doesNotExist();
        assertThat(Fixtures.host(plugins).verification(false).config().verificationCache()).isNull();
    }

    @Test
    void byDefaultTheCacheIsInTheWorkDirectoryTheHostChose() {
        HostConfig config = Fixtures.host(plugins).workDirectory(dir.resolve("work")).config();

        assertThat(config.verificationCache().directory()).isEqualTo(dir.resolve("work/verification-cache"));
    }

    @Test
    void withoutAWorkDirectoryTheDefaultIsTheUsersCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME"); // the build sets it, so that tests keep out of the home
        Path expected = xdg != null ? Path.of(xdg, "plinth", "verification")
                : Path.of(System.getProperty("user.home"), ".cache", "plinth", "verification");

        HostConfig config = Fixtures.host(plugins).config();
        WorkDirectories.delete(config.workDirectory());

        assertThat(config.verificationCache().directory()).isEqualTo(expected);
    }

    @Test
    void anotherHostApiIsVerifiedAgainAndAnErrorIsRefusedAlikeFromTheCache() throws Exception {
        Path v1 = TestJar.named("names1").source("com.acme.names.Names", NAMES_V1).writeClassesTo(dir.resolve("v1"));
        Path v2 = TestJar.named("names2").source("com.acme.names.Names", NAMES_V2).writeClassesTo(dir.resolve("v2"));
        Path[] classpath = {Fixtures.compileClasspath()[0], Fixtures.compileClasspath()[1], v2};
        TestJar.named("lower").plugin("lower", "1.0.0").classpath(classpath)
                .source("com.acme.lower.Lower", "package com.acme.lower; public class Lower implements"
                        + " com.acme.api.Filter { public String apply(String in) {"
                        + " return com.acme.names.Names.lower(in); } }")
                .service(Fixtures.FILTER, "com.acme.lower.Lower").writeTo(plugins);

        Run onV2 = runAgainst(v2);
        Run onV1 = runAgainst(v1);
        Run onV1Again = runAgainst(v1);

        assertThat(onV2.verified()).isEqualTo(1);
        assertThat(onV2.states()).containsEntry("lower", PluginState.STARTED);
        assertThat(onV1.verified()).isEqualTo(1);
        assertThat(onV1.reused()).isZero();
        assertThat(onV1.states()).containsEntry("lower", PluginState.FAILED);
        assertThat(onV1.findings().get("lower")).filteredOn(Finding::isError).extracting(Finding::message)
                .singleElement().asString().contains("com.acme.names.Names", "lower(");
        assertThat(onV1Again.verified()).isZero();
        assertThat(onV1Again.reused()).isEqualTo(1);
        assertThat(onV1Again.states()).containsEntry("lower", PluginState.FAILED);
        assertThat(onV1Again.findings()).isEqualTo(onV1.findings());
    }

    /** A host whose shared package com.acme.names comes from {@code api}, through a loader of its own. */
    private Run runAgainst(Path api) throws Exception {
        try (URLClassLoader host = new URLClassLoader(new URL[] {api.toUri().toURL()},
                Fixtures.class.getClassLoader())) {
            return run(Fixtures.host(plugins).sharedPackages("com.acme.names").hostClassLoader(host)
                    .verificationCache(cache));
        }
    }

    @Test
    void aChangedDependencyVerifiesItsDependentAgain() throws Exception {
        Path core = core("hello");
        Path greetingClasses = TestJar.named("greeting").source("com.acme.core.Greeting", greeting("hello"))
                .writeClassesTo(dir.resolve("greeting"));
        TestJar.named("greeter").plugin("greeter", "1.0.0").attribute("Plugin-Dependencies", "core")
                .classpath(Fixtures.compileClasspath()[0], Fixtures.compileClasspath()[1], greetingClasses)
                .source("com.acme.greet.Greeter", "package com.acme.greet; public class Greeter implements"
                        + " com.acme.api.Filter { public String apply(String s) {"
                        + " return com.acme.core.Greeting.greet(s); } }")
                .service(Fixtures.FILTER, "com.acme.greet.Greeter").writeTo(plugins);
        Run first = run();
        Files.delete(core);
        core("hi");

        Run after = run();

        assertThat(first.verified()).isEqualTo(2);
        assertThat(first.states()).containsValues(PluginState.STARTED).doesNotContainValue(PluginState.FAILED);
        assertThat(after.verified()).isEqualTo(2);
        assertThat(after.reused()).isZero();
        assertThat(run().reused()).isEqualTo(2);
    }

    private Path core(String word) throws Exception {
        return TestJar.named("core").plugin("core", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.core.Greeting", greeting(word)).writeTo(plugins);
    }

    private static String greeting(String word) {
        return "package com.acme.core; public class Greeting { public static String greet(String s) {"
                + " return \"" + word + " \" + s; } }";
    }
}
