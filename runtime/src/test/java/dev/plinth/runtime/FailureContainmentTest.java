package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureContainmentTest {
    @TempDir
    Path dir;

    @Test
    void throwingStaticInitializerFailsOnlyThatPlugin() throws Exception {
        TestJar.named("sink").plugin("sink", "2.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.sink.Dial", "package com.acme.sink;\n"
                        + "public class Dial implements com.acme.api.Filter {\n"
                        + "    static final Object CONNECTION = connect();\n"
                        + "    static Object connect() { throw new IllegalStateException(\"connection refused\"); }\n"
                        + "    public String apply(String in) { return in; }\n"
                        + "}\n")
                .service(Fixtures.FILTER, "com.acme.sink.Dial").writeTo(dir);
        Fixtures.filterPlugin("good", "Good", "return \"ok\";").writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            PluginInfo sink = host.plugin("sink").orElseThrow();
            assertThat(sink.state()).isEqualTo(PluginState.FAILED);
            Finding f = sink.findings().get(sink.findings().size() - 1);
            assertThat(f.code()).isEqualTo(FindingCode.STATIC_INIT_FAILED);
            assertThat(f.message()).isEqualTo("com.acme.sink.Dial: static initializer threw"
                    + " java.lang.IllegalStateException: connection refused");
            assertThat(f.fix()).startsWith("move I/O and other fallible work out of static initializers");
            assertThat(f.location().type()).isEqualTo("com.acme.sink.Dial");
            assertThat(sink.failureCause()).get().isInstanceOf(PluginFailure.class)
                    .hasToString("java.lang.IllegalStateException: connection refused")
                    .matches(t -> ((PluginFailure) t).wasInstanceOf(IllegalStateException.class));
            assertThat(host.extensions(Filter.class)).extracting(x -> x.apply("")).containsExactly("ok");
        }
    }

    @Test
    void hangingStaticInitializerTimesOutAndTheHostKeepsRunning() throws Exception {
        TestJar.named("hang").plugin("hang", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.hang.Hang", "package com.acme.hang;\n"
                        + "public class Hang implements com.acme.api.Filter {\n"
                        + "    static { waitForever(); }\n"
                        + "    static void waitForever() {\n"
                        + "        Object lock = new Object();\n"
                        + "        synchronized (lock) { while (true) { try { lock.wait(); }"
                        + " catch (InterruptedException e) { } } }\n"
                        + "    }\n"
                        + "    public String apply(String in) { return in; }\n"
                        + "}\n")
                .service(Fixtures.FILTER, "com.acme.hang.Hang").writeTo(dir);
        Fixtures.filterPlugin("good", "Good", "return \"ok\";").writeTo(dir);

        long began = System.nanoTime();
        try (PluginHost host = Fixtures.host(dir).startTimeout(Duration.ofSeconds(2)).build()) {
            host.start();

            PluginInfo hang = host.plugin("hang").orElseThrow();
            assertThat(hang.state()).isEqualTo(PluginState.FAILED);
            Finding f = hang.findings().get(hang.findings().size() - 1);
            assertThat(f.code()).isEqualTo(FindingCode.INIT_TIMEOUT);
            assertThat(f.message()).startsWith("com.acme.hang.Hang: static initializer did not return within 2 s;"
                    + " thread plinth-start-hang is at plugin:hang@1.0.0//com.acme.hang.Hang.waitForever(Hang.java:");
            assertThat(f.fix()).startsWith("move blocking work (network, files, sleeps) out of the static initializer");
            assertThat(host.extensions(Filter.class)).extracting(x -> x.apply("")).containsExactly("ok");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("start and close are bounded")
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void startThatThrowsFailsThePluginWithTheCause() throws Exception {
        TestJar.named("bad-start").plugin("bad-start", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.bad.Life", "package com.acme.bad;\n"
                        + "public class Life implements dev.plinth.api.Plugin {\n"
                        + "    public void start(dev.plinth.api.PluginContext c) {\n"
                        + "        throw new IllegalArgumentException(\"missing setting url\");\n"
                        + "    }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", "com.acme.bad.Life").writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            PluginInfo info = host.plugin("bad-start").orElseThrow();
            assertThat(info.state()).isEqualTo(PluginState.FAILED);
            assertThat(info.findings()).extracting(Finding::code, Finding::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.START_FAILED, "com.acme.bad.Life.start("
                            + "PluginContext): threw java.lang.IllegalArgumentException: missing setting url"));
        }
    }

    @Test
    void refusedBeforeAnyPluginCodeRanIsToldApartFromFailedWhileStarting() throws Exception {
        Fixtures.filterPlugin("dup", "A", "return in;").writeTo(dir.resolve("a"));
        Fixtures.filterPlugin("dup", "B", "return in;").writeTo(dir.resolve("b"));
        // found only at load, with verification off: the provider is not a Filter
        TestJar.named("stranger").plugin("stranger", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.stranger.Stranger", "package com.acme.stranger;\n"
                        + "public class Stranger { static { if (true) { throw new IllegalStateException(); } } }\n")
                .service(Fixtures.FILTER, "com.acme.stranger.Stranger").writeTo(dir.resolve("a"));
        TestJar.named("boom").plugin("boom", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.boom.Boom", "package com.acme.boom;\n"
                        + "public class Boom implements com.acme.api.Filter {\n"
                        + "    static { if (true) { throw new IllegalStateException(\"boom\"); } }\n"
                        + "    public String apply(String in) { return in; }\n"
                        + "}\n")
                .service(Fixtures.FILTER, "com.acme.boom.Boom").writeTo(dir.resolve("a"));

        try (PluginHost host = PluginHost.builder().sharedPackages(Fixtures.API).pluginDirectory(dir.resolve("a"))
                .pluginDirectory(dir.resolve("b")).verification(false)
                .hostClassLoader(Fixtures.class.getClassLoader()).build()) {
            host.start();

            assertThat(host.plugins()).extracting(PluginInfo::id, PluginInfo::state, PluginInfo::refused)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("dup", PluginState.FAILED, true),
                            org.assertj.core.groups.Tuple.tuple("dup", PluginState.FAILED, true),
                            org.assertj.core.groups.Tuple.tuple("stranger", PluginState.FAILED, true),
                            org.assertj.core.groups.Tuple.tuple("boom", PluginState.FAILED, false));
            assertThat(host.plugin("stranger").orElseThrow().findings()).extracting(Finding::code)
                    .containsExactly(FindingCode.ENTRY_POINT);
        }
    }

    @Test
    void duplicatePluginIdsAreRefusedNeverLastWins() throws Exception {
        Path a = Fixtures.filterPlugin("dup", "A", "return \"a\";").writeTo(dir.resolve("a"));
        Path b = Fixtures.filterPlugin("dup", "B", "return \"b\";").writeTo(dir.resolve("b"));

        try (PluginHost host = PluginHost.builder().sharedPackages(Fixtures.API)
                .pluginDirectory(dir.resolve("a")).pluginDirectory(dir.resolve("b"))
                .hostClassLoader(Fixtures.class.getClassLoader()).build()) {
            host.start();

            assertThat(host.plugins()).extracting(PluginInfo::state)
                    .containsExactly(PluginState.FAILED, PluginState.FAILED);
            assertThat(host.extensions(Filter.class)).isEmpty();
            String message = "dup: plugin id declared by " + a.toRealPath() + " and " + b.toRealPath();
            assertThat(host.plugins()).allSatisfy(p -> assertThat(p.findings())
                    .extracting(Finding::code, Finding::message).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(FindingCode.DUPLICATE_PLUGIN_ID, message)));
        }
    }

    @Test
    void missingPluginDirectoryIsReportedWithTheAbsolutePathItTried() throws Exception {
        try (PluginHost host = PluginHost.builder().sharedPackages(Fixtures.API).baseDirectory(dir)
                .pluginDirectory(Path.of("plugins")).build()) {
            host.start();

            assertThat(host.plugins()).isEmpty();
            assertThat(host.findings()).extracting(Finding::code, Finding::message, Finding::fix).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.PATH_UNRESOLVED, dir.resolve("plugins")
                            + ": not a directory (resolved against baseDirectory " + dir + ")", "pass an absolute"
                            + " path, or set PluginHostBuilder.baseDirectory (or -Dplinth.home) to the folder that"
                            + " holds 'plugins'"));
        }
    }

    @Test
    void pluginWithoutIdGetsOneFromItsFileNameAndAWarning() throws Exception {
        TestJar.named("lower-case-2.1.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.lc.Lower", "package com.acme.lc;\npublic class Lower implements"
                        + " com.acme.api.Filter { public String apply(String in) { return in.toLowerCase(); } }\n")
                .service(Fixtures.FILTER, "com.acme.lc.Lower").writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            PluginInfo info = host.plugin("lower-case").orElseThrow();
            assertThat(info.state()).isEqualTo(PluginState.STARTED);
            assertThat(info.findings()).extracting(Finding::message).containsExactly("lower-case-2.1.0.jar: no"
                    + " Plugin-Id in META-INF/MANIFEST.MF; using 'lower-case' from the file name");
        }
    }

    @Test
    void classFileForANewerJavaIsRefusedBeforeAnyCodeRuns() throws Exception {
        TestJar jar = Fixtures.filterPlugin("future", "Future", "return in;");
        byte[] bytes = jar.compile().get("com/acme/future/Future.class");
        bytes[7] = (byte) (bytes[7] + 20);
        jar.entry("com/acme/future/Future.class", bytes).writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            PluginInfo info = host.plugin("future").orElseThrow();
            assertThat(info.state()).isEqualTo(PluginState.FAILED);
            int feature = Runtime.version().feature();
            assertThat(info.findings()).extracting(Finding::code, Finding::message).contains(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.CLASS_VERSION, "com.acme.future.Future: class"
                            + " file 81 (Java 37); this JVM (Java " + feature + ") reads up to " + (feature + 44)));
        }
    }
}
