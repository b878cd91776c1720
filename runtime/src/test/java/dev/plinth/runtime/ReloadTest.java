package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadTest {
    @TempDir
    Path dir;

    /** A plugin whose answer is stamped twice, by two classes of the same jar: a mixed call would show. */
    private static TestJar version(String v) {
        return TestJar.named("stamp-" + v).plugin("stamp", v).classpath(Fixtures.compileClasspath())
                .source("com.acme.stamp.Stamp", "package com.acme.stamp;\n"
                        + "public class Stamp implements com.acme.api.Filter {\n"
                        + "    public String apply(String in) { return \"" + v + "\" + Second.stamp(); }\n"
                        + "}\n")
                .source("com.acme.stamp.Second", "package com.acme.stamp;\n"
                        + "class Second { static String stamp() { return \"/" + v + "\"; } }\n")
                .service(Fixtures.FILTER, "com.acme.stamp.Stamp");
    }

    @Test
    void reloadFromANewJarSwapsTheGenerationAndHeldHandlesFollow() throws Exception {
        Path v1 = version("1.0.0").writeTo(dir.resolve("plugins"));
        Path v2 = version("2.0.0").writeTo(dir.resolve("next"));
        List<PluginEvent.Type> events = new CopyOnWriteArrayList<>();
        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).listener(e -> events.add(e.type())).build()) {
            host.start();
            Filter held = host.extensions(Filter.class).get(0);
            assertThat(held.apply("")).isEqualTo("1.0.0/1.0.0");

            ReloadReport report = host.reload("stamp", v2);

            assertThat(report.reloaded()).isTrue();
            assertThat(report.fromVersion()).isEqualTo("1.0.0");
            assertThat(report.toVersion()).isEqualTo("2.0.0");
            assertThat(report.unloadReport()).get().extracting(UnloadReport::collected).isEqualTo(true);
            assertThat(held.apply("")).isEqualTo("2.0.0/2.0.0");
            assertThat(host.extensions(Filter.class)).containsExactly(held);
            assertThat(host.plugin("stamp").orElseThrow().version()).isEqualTo("2.0.0");
            assertThat(host.plugin("stamp").orElseThrow().path()).isEqualTo(v2.toRealPath());
            assertThat(v1).exists();
            assertThat(events).containsExactly(PluginEvent.Type.LOADED, PluginEvent.Type.LOADED,
                    PluginEvent.Type.UNLOADED, PluginEvent.Type.RELOADED);
        }
    }

    @Test
    void failedReloadKeepsTheOldGenerationServingAndSaysWhy() throws Exception {
        version("1.0.0").writeTo(dir.resolve("plugins"));
        Path broken = TestJar.named("stamp-2").plugin("stamp", "2.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.stamp.Stamp", "package com.acme.stamp;\n"
                        + "public class Stamp implements com.acme.api.Filter {\n"
                        + "    static { if (true) { throw new IllegalStateException(\"no config\"); } }\n"
                        + "    public String apply(String in) { return in; }\n"
                        + "}\n")
                .service(Fixtures.FILTER, "com.acme.stamp.Stamp").writeTo(dir.resolve("next"));
        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).build()) {
            host.start();
            Filter held = host.extensions(Filter.class).get(0);

            ReloadReport report = host.reload("stamp", broken);

            assertThat(report.reloaded()).isFalse();
            assertThat(report.unloadReport()).isEmpty();
            assertThat(report.findings()).extracting(Finding::code, Finding::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.STATIC_INIT_FAILED, "com.acme.stamp.Stamp: static"
                            + " initializer threw java.lang.IllegalStateException: no config"));
            assertThat(held.apply("")).isEqualTo("1.0.0/1.0.0");
            assertThat(host.plugin("stamp").orElseThrow().state()).isEqualTo(PluginState.STARTED);
            assertThat(host.plugin("stamp").orElseThrow().version()).isEqualTo("1.0.0");
        }
    }

    @Test
    void reloadOfAJarDeclaringAnotherIdIsRefused() throws Exception {
        version("1.0.0").writeTo(dir.resolve("plugins"));
        Path other = Fixtures.filterPlugin("other", "Other", "return in;").writeTo(dir.resolve("next"));
        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).build()) {
            host.start();

            ReloadReport report = host.reload("stamp", other);

            assertThat(report.reloaded()).isFalse();
            assertThat(report.findings()).extracting(Finding::message)
                    .containsExactly("other.jar: declares Plugin-Id other, not stamp");
            assertThat(host.extensions(Filter.class).get(0).apply("")).isEqualTo("1.0.0/1.0.0");
        }
    }

    @Test
    void reloadOfTheSameVersionBlamesOnlyTheOldGenerationsThreads() throws Exception {
        Path jar = TestJar.named("worker").plugin("worker", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.worker.Worker", "package com.acme.worker;\n"
                        + "public class Worker implements dev.plinth.api.Plugin {\n"
                        + "    public void start(dev.plinth.api.PluginContext c) {\n"
                        + "        new Thread(Worker::work, \"worker-thread\").start();\n"
                        + "    }\n"
                        + "    static void work() {\n"
                        + "        try { while (true) { Thread.sleep(10_000); } } catch (InterruptedException e) { }\n"
                        + "    }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", "com.acme.worker.Worker").writeTo(dir);
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();
            String firstLoader = host.plugin("worker").orElseThrow().loaderName();

            ReloadReport report = host.reload("worker", jar);

            assertThat(report.reloaded()).isTrue();
            String secondLoader = host.plugin("worker").orElseThrow().loaderName();
            assertThat(secondLoader).isNotEqualTo(firstLoader).startsWith(firstLoader + "#");
            assertThat(report.unload().findings()).extracting(Finding::message).singleElement().asString()
                    .startsWith("thread 'worker-thread' outlived the plugin (ended when interrupted); it was at "
                            + firstLoader + "//");
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("worker-thread"))
                    .as("the new generation's thread keeps running").hasSize(1);
        }
    }

    @Test
    void callsDuringRepeatedReloadsNeverFailAndEachRunsOnOneGeneration() throws Exception {
        Path v1 = version("1.0.0").writeTo(dir.resolve("v1"));
        Path v2 = version("2.0.0").writeTo(dir.resolve("v2"));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        try (PluginHost host = Fixtures.host(dir.resolve("v1")).leakCheckTimeout(java.time.Duration.ofSeconds(10))
                .build()) {
            host.start();
            Filter held = host.extensions(Filter.class).get(0);
            List<Thread> callers = java.util.stream.IntStream.range(0, 4).mapToObj(i -> new Thread(() -> {
                while (running.get()) {
                    try {
                        seen.add(held.apply(""));
                        calls.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            })).toList();
            callers.forEach(Thread::start);

            for (int i = 0; i < 20; i++) {
                ReloadReport r = host.reload("stamp", i % 2 == 0 ? v2 : v1);
                assertThat(r.reloaded()).as("reload %d", i).isTrue();
                assertThat(r.unload().callsStillRunning()).isZero();
            }
            running.set(false);
            for (Thread t : callers) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }

            assertThat(failures).isEmpty();
            assertThat(calls.get()).isPositive();
            assertThat(seen).isSubsetOf("1.0.0/1.0.0", "2.0.0/2.0.0").contains("1.0.0/1.0.0", "2.0.0/2.0.0");
        }
    }
}
