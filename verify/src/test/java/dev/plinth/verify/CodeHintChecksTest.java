package dev.plinth.verify;

import static dev.plinth.verify.Fixtures.host;
import static dev.plinth.verify.Fixtures.only;
import static dev.plinth.verify.Fixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks that look for risky calls in plugin code: static-init-io, system-exit and thread-leak. */
class CodeHintChecksTest {
    @TempDir
    Path dir;

    private List<Finding> findings(FindingCode code, String className, String source) throws Exception {
        Path jar = TestJar.named("sink").plugin("sink", "1.0").source(className, source).writeTo(dir);
        return only(verify(host(), jar), code);
    }

    @Test
    void networkIoReachableFromStaticInitializerIsReportedWithTheCallPath() throws Exception {
        List<Finding> found = findings(FindingCode.STATIC_INIT_IO, "com.acme.Sink", "package com.acme;"
                + " public class Sink { static final java.net.Socket S = connect();"
                + " static java.net.Socket connect() { try { return open(\"db\", 5432); }"
                + "   catch (java.io.IOException e) { return null; } }"
                + " static java.net.Socket open(String h, int p) throws java.io.IOException {"
                + "   return new java.net.Socket(h, p); } }");

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("com.acme.Sink.<clinit> → com.acme.Sink.connect() →"
                    + " com.acme.Sink.open(String, int) → java.net.Socket.<init>(String, int): static initializer"
                    + " does network I/O");
            assertThat(f.fix()).isEqualTo("move it into Plugin.start(PluginContext), which runs with a time-out"
                    + " and contains failures");
        });
    }

    @Test
    void sleepInAnotherPluginClassReachedFromStaticInitializerIsReported() throws Exception {
        Path jar = TestJar.named("sink").plugin("sink", "1.0")
                .source("com.acme.Warm", "package com.acme; public class Warm { static { Helper.pause(); } }")
                .source("com.acme.Helper", "package com.acme; class Helper { static void pause() {"
                        + " try { Thread.sleep(10); } catch (InterruptedException e) { } } }")
                .writeTo(dir);

        assertThat(only(verify(host(), jar), FindingCode.STATIC_INIT_IO)).extracting(Finding::message)
                .containsExactly("com.acme.Warm.<clinit> → com.acme.Helper.pause() → Thread.sleep(long): static"
                        + " initializer sleeps");
    }

    @Test
    void ioOutsideStaticInitializersAndLazyLambdasIsNotReported() throws Exception {
        List<Finding> found = findings(FindingCode.STATIC_INIT_IO, "com.acme.Sink", "package com.acme;"
                + " import java.nio.file.*; import java.util.function.*;"
                + " public class Sink { static final String NAME = \"sink\".toUpperCase();"
                + " static final Supplier<Path> CONFIG = () -> { try { return Files.createTempFile(\"a\", \"b\"); }"
                + "   catch (java.io.IOException e) { return null; } };"
                + " public void start() throws Exception { Files.readString(Path.of(NAME)); } }");

        assertThat(found).isEmpty();
    }

    @Test
    void systemExitIsAnErrorNamingTheCallingMethod() throws Exception {
        List<Finding> found = findings(FindingCode.SYSTEM_EXIT, "com.acme.Quit", "package com.acme;"
                + " public class Quit { public void fail(String why) { System.exit(2); System.exit(3); }"
                + " void halt() { Runtime.getRuntime().halt(1); } }");

        assertThat(found).extracting(Finding::severity, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "com.acme.Quit.fail(String): calls"
                        + " System.exit(int), which ends the host JVM and every plugin in it"),
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "com.acme.Quit.halt(): calls"
                        + " Runtime.halt(int), which ends the host JVM and every plugin in it"));
    }

    @Test
    void codeWithoutExitCallsHasNoSystemExitFinding() throws Exception {
        assertThat(findings(FindingCode.SYSTEM_EXIT, "com.acme.Quit", "package com.acme;"
                + " public class Quit { public int exit(int code) { return Runtime.getRuntime()"
                + "   .availableProcessors() + code; } }")).isEmpty();
    }

    @Test
    void threadsCreatedByThePluginAreReportedOncePerClass() throws Exception {
        List<Finding> found = findings(FindingCode.THREAD_LEAK, "com.acme.Poller", "package com.acme;"
                + " import java.util.concurrent.*; public class Poller {"
                + " ExecutorService pool; public void start() { pool = Executors.newFixedThreadPool(2);"
                + "   new Thread(() -> { }).start(); new java.util.Timer(); } }");

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("com.acme.Poller.start(): calls"
                    + " java.util.concurrent.Executors.newFixedThreadPool(int) (and 3 more in com.acme.Poller);"
                    + " threads created outside PluginContext.executor() outlive the plugin unless stopped");
            assertThat(f.fix()).isEqualTo("run the work on PluginContext.executor() or PluginContext.scheduler(),"
                    + " which the host shuts down after Plugin.stop()");
        });
    }

    @Test
    void workSubmittedToAGivenExecutorIsNotAThreadLeak() throws Exception {
        assertThat(findings(FindingCode.THREAD_LEAK, "com.acme.Poller", "package com.acme;"
                + " import java.util.concurrent.*; public class Poller {"
                + " public Future<?> start(ExecutorService executor) { return executor.submit(() -> { }); } }"))
                .isEmpty();
    }
}
