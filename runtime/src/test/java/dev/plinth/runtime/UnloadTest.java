package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.api.Filter;
import com.acme.lib.Switch;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Severity;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnloadTest {
    @TempDir
    Path dir;

    @Test
    void cleanPluginsLoaderIsCollectedAfterUnload() throws Exception {
        Fixtures.filterPlugin("clean", "Clean", "return in;").writeTo(dir);
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();
            Filter kept = host.extensions(Filter.class).get(0);
            assertThat(kept.apply("x")).isEqualTo("x");

            UnloadReport report = host.unload("clean");

            assertThat(report.collected()).isTrue();
            assertThat(report.isClean()).isTrue();
            assertThat(report.loaderName()).isEqualTo("plugin:clean@1.0.0");
            assertThat(host.plugin("clean")).isEmpty();
            assertThat(host.extensions(Filter.class)).isEmpty();
            assertThatThrownBy(() -> kept.apply("x")).isInstanceOf(PluginUnavailableException.class)
                    .hasMessageContaining("(plugin clean was unloaded)");
        }
    }

    @Test
    void threadOutlivingStopIsReportedByNameAndStackInterruptedAndTheLoaderCollected() throws Exception {
        TestJar.named("ticker").plugin("ticker", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.ticker.Ticker", "package com.acme.ticker;\n"
                        + "public class Ticker implements dev.plinth.api.Plugin {\n"
                        + "    public void start(dev.plinth.api.PluginContext c) {\n"
                        + "        new Thread(Ticker::tick, \"ticker\").start();\n"
                        + "    }\n"
                        + "    static void tick() {\n"
                        + "        try { while (true) { Thread.sleep(10_000); } }\n"
                        + "        catch (InterruptedException e) { return; }\n"
                        + "    }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", "com.acme.ticker.Ticker").writeTo(dir);
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            UnloadReport report = host.unload("ticker");

            assertThat(report.findings()).extracting(Finding::code, Finding::severity).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.THREAD_LEAK, Severity.WARNING));
            assertThat(report.findings().get(0).message()).startsWith("thread 'ticker' outlived the plugin (ended"
                    + " when interrupted); it was at plugin:ticker@1.0.0//com.acme.ticker.Ticker.tick(Ticker.java:");
            assertThat(report.collected()).isTrue();
        }
    }

    @Test
    void threadIgnoringInterruptPinsTheLoaderAndTheLeakNamesIt() throws Exception {
        TestJar.named("stubborn").plugin("stubborn", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.stubborn.Stubborn", "package com.acme.stubborn;\n"
                        + "public class Stubborn implements dev.plinth.api.Plugin {\n"
                        + "    public void start(dev.plinth.api.PluginContext c) {\n"
                        + "        new Thread(Stubborn::spin, \"stubborn\").start();\n"
                        + "    }\n"
                        + "    static void spin() {\n"
                        + "        while (!com.acme.lib.Switch.off) {\n"
                        + "            try { Thread.sleep(20); } catch (InterruptedException ignored) { }\n"
                        + "        }\n"
                        + "    }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", "com.acme.stubborn.Stubborn").writeTo(dir);
        Switch.off = false;
        try (PluginHost host = Fixtures.host(dir).leakCheckTimeout(Duration.ofMillis(500)).build()) {
            host.start();

            UnloadReport report = host.unload("stubborn");

            assertThat(report.collected()).isFalse();
            assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.THREAD_LEAK,
                    FindingCode.LOADER_LEAK);
            Finding leak = report.findings().get(1);
            assertThat(leak.severity()).isEqualTo(Severity.ERROR);
            assertThat(leak.message()).startsWith("class loader plugin:stubborn@1.0.0 still reachable 500 ms after"
                    + " unload; held by: thread 'stubborn' outlived the plugin (still running after interrupt)");
            assertThat(leak.fix()).startsWith("take a heap dump (jcmd <pid> GC.heap_dump plinth.hprof)");
        } finally {
            Switch.off = true;
        }
    }

    @Test
    void shutdownHookPinningTheLoaderIsNamedAndRemoved() throws Exception {
        TestJar.named("hooked").plugin("hooked", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.hooked.Hooked", "package com.acme.hooked;\n"
                        + "public class Hooked implements dev.plinth.api.Plugin {\n"
                        + "    public void start(dev.plinth.api.PluginContext c) {\n"
                        + "        Runtime.getRuntime().addShutdownHook(new Thread(new Flush(), \"flush-on-exit\"));\n"
                        + "    }\n"
                        + "    static final class Flush implements Runnable { public void run() { } }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", "com.acme.hooked.Hooked").writeTo(dir);
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            UnloadReport report = host.unload("hooked");

            assertThat(report.findings()).extracting(Finding::code, Finding::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.LOADER_LEAK, "shutdown hook 'flush-on-exit'"
                            + " (com.acme.hooked.Hooked$Flush) registered by the plugin pinned its class loader;"
                            + " removed"));
            assertThat(report.collected()).isTrue();
        }
    }

    @Test
    void unloadWaitsForCallsInFlightToReturn() throws Exception {
        TestJar.named("busy").plugin("busy", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.busy.Busy", "package com.acme.busy;\n"
                        + "public class Busy implements com.acme.api.Filter {\n"
                        + "    public static final java.util.concurrent.CountDownLatch ENTERED ="
                        + " new java.util.concurrent.CountDownLatch(1);\n"
                        + "    public static final java.util.concurrent.CountDownLatch RELEASE ="
                        + " new java.util.concurrent.CountDownLatch(1);\n"
                        + "    public String apply(String in) {\n"
                        + "        ENTERED.countDown();\n"
                        + "        try { RELEASE.await(); }\n"
                        + "        catch (InterruptedException e) { return \"interrupted\"; }\n"
                        + "        return new Later().done();\n"
                        + "    }\n"
                        + "}\n")
                .source("com.acme.busy.Later", "package com.acme.busy;\n"
                        + "class Later { String done() { return \"done\"; } }\n")
                .service(Fixtures.FILTER, "com.acme.busy.Busy").writeTo(dir);
        try (PluginHost host = Fixtures.host(dir).stopTimeout(Duration.ofSeconds(20)).build()) {
            host.start();
            Filter filter = host.extensions(Filter.class).get(0);
            AtomicReference<String> result = new AtomicReference<>();
            Thread caller = new Thread(() -> result.set(filter.apply("")));
            caller.start();
            Class<?> busy = Class.forName("com.acme.busy.Busy", false, ((dev.plinth.runtime.internal.HandleBase)
                    filter).plinthSlot().currentInstance().getClass().getClassLoader());
            CountDownLatch entered = (CountDownLatch) busy.getField("ENTERED").get(null);
            CountDownLatch release = (CountDownLatch) busy.getField("RELEASE").get(null);
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            busy = null;

            AtomicReference<UnloadReport> report = new AtomicReference<>();
            Thread unloader = new Thread(() -> report.set(host.unload("busy")));
            unloader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (host.plugin("busy").isPresent() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(report.get()).as("unload waits for the call").isNull();
            release.countDown();
            caller.join(TimeUnit.SECONDS.toMillis(10));
            unloader.join(TimeUnit.SECONDS.toMillis(20));

            assertThat(result.get()).isEqualTo("done"); // Later was loaded after unload began: the loader was open
            assertThat(report.get().callsStillRunning()).isZero();
            assertThat(report.get().collected()).isTrue();
        }
    }

    @Test
    void twoHundredLoadCallUnloadCyclesLeaveTheLoadedClassCountAtBaseline() throws Exception {
        Path jar = Fixtures.filterPlugin("cycle", "Cycle", "return new Helper().twice(in);")
                .source("com.acme.cycle.Helper", "package com.acme.cycle;\n"
                        + "class Helper { String twice(String s) { return s + s; } }\n")
                .writeTo(dir.resolve("jars"));
        try (PluginHost host = PluginHost.builder().sharedPackages(Fixtures.API)
                .hostClassLoader(Fixtures.class.getClassLoader()).build()) {
            host.start();
            cycle(host, jar, 20); // warm up: handle classes, JIT, lambda forms
            long baseline = loadedClassesAfterGc(0);

            cycle(host, jar, 200);

            long after = loadedClassesAfterGc(baseline + 10);
            assertThat(after).as("loaded classes after 200 cycles, baseline %d", baseline)
                    .isLessThanOrEqualTo(baseline + 10);
        }
    }

    private static void cycle(PluginHost host, Path jar, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(host.add(jar).state()).isEqualTo(PluginState.STARTED);
            assertThat(host.extensions(Filter.class).get(0).apply("ab")).isEqualTo("abab");
            assertThat(host.unload("cycle").collected()).isTrue();
        }
    }

    /** Polls GC until the loaded-class count is at most {@code target}, or 10 s pass; returns the last count. */
    private static long loadedClassesAfterGc(long target) {
        var classes = ManagementFactory.getClassLoadingMXBean();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long count;
        do {
            System.gc();
            count = classes.getLoadedClassCount();
        } while (count > target && System.nanoTime() < deadline);
        return count;
    }
}
