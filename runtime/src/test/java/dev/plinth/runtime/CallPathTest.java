package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.api.Filter;
import dev.plinth.testjars.TestJar;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallPathTest {
    @TempDir
    Path dir;

    @Test
    void jarOnDiskCanBeOverwrittenAndDeletedWhileLoaded() throws Exception {
        Path jar = Fixtures.filterPlugin("hot", "Hot", "return new Helper().help(in);")
                .source("com.acme.hot.Helper", "package com.acme.hot;\n"
                        + "class Helper { String help(String in) { return \"helped \" + in; } }\n")
                .writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();
            Files.write(jar, new byte[] {1, 2, 3}); // truncated over the original
            Files.delete(jar);

            // Helper is loaded lazily, after the file is gone: it comes from the shadow copy
            assertThat(host.extensions(Filter.class).get(0).apply("x")).isEqualTo("helped x");
        }
    }

    @Test
    void handleCalledAfterCloseFailsClearlyAndHoldsNoPluginInstance() throws Exception {
        Fixtures.filterPlugin("gone", "Gone", "return in;").writeTo(dir);
        Filter kept;
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();
            kept = host.extensions(Filter.class).get(0);
            assertThat(kept.apply("still here")).isEqualTo("still here");
        }

        assertThatThrownBy(() -> kept.apply("x")).isInstanceOf(PluginUnavailableException.class)
                .hasMessage("com.acme.api.Filter of plugin gone: not available (plugin gone was unloaded); get a"
                        + " fresh handle from PluginHost.extensions");
        assertThat(((dev.plinth.runtime.internal.HandleBase) kept).plinthSlot().currentInstance()).isNull();
    }

    @Test
    void extensionsIsSafeFromManyThreadsWhileStartRuns() throws Exception {
        Fixtures.filterPlugin("quick", "Quick", "return \"quick\";").writeTo(dir);
        TestJar.named("slow").plugin("slow", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.slow.Slow", "package com.acme.slow;\n"
                        + "public class Slow implements com.acme.api.Filter, dev.plinth.api.Plugin {\n"
                        + "    public static final java.util.concurrent.CountDownLatch GO ="
                        + " new java.util.concurrent.CountDownLatch(1);\n"
                        + "    public void start(dev.plinth.api.PluginContext c) throws Exception {\n"
                        + "        GO.await(10, java.util.concurrent.TimeUnit.SECONDS);\n"
                        + "    }\n"
                        + "    public String apply(String in) { return \"slow\"; }\n"
                        + "}\n")
                .service(Fixtures.FILTER, "com.acme.slow.Slow")
                .service("dev.plinth.api.Plugin", "com.acme.slow.Slow").writeTo(dir);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sawQuick = new AtomicInteger();
        CountDownLatch readersReady = new CountDownLatch(4);

        try (PluginHost host = Fixtures.host(dir).startTimeout(java.time.Duration.ofSeconds(20)).build()) {
            List<Thread> readers = java.util.stream.IntStream.range(0, 4).mapToObj(i -> new Thread(() -> {
                readersReady.countDown();
                while (running.get()) {
                    try {
                        for (Filter f : host.extensions(Filter.class)) {
                            if (f.apply("").equals("quick")) {
                                sawQuick.incrementAndGet();
                            }
                        }
                        host.plugins();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            })).toList();
            readers.forEach(Thread::start);
            assertThat(readersReady.await(10, TimeUnit.SECONDS)).isTrue();
            Thread starter = new Thread(host::start);
            starter.start();
            // the quick plugin is served while the slow one is still in start() (it waits there for its latch);
            // poll for both, parking between looks: spinning here starves the starter on a 2-core machine
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((host.plugin("slow").map(PluginInfo::state).orElse(null) != PluginState.STARTING
                    || sawQuick.get() == 0)
                    && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            assertThat(sawQuick.get()).as("quick plugin served during start()").isPositive();
            assertThat(host.plugin("slow").orElseThrow().state()).isEqualTo(PluginState.STARTING);
            releaseSlowPlugin(host);
            starter.join(TimeUnit.SECONDS.toMillis(20));
            running.set(false);
            for (Thread r : readers) {
                r.join(TimeUnit.SECONDS.toMillis(10));
            }
            assertThat(errors).isEmpty();
            assertThat(host.extensions(Filter.class)).extracting(f -> f.apply("")).containsExactly("quick", "slow");
        }
    }

    @Test
    void handlesForwardToStringEqualsAndHashCodeToThePluginUnderItsLoaderAcrossReloads() throws Exception {
        shown("1.0.0").writeTo(dir.resolve("plugins"));
        Path v2 = shown("2.0.0").writeTo(dir.resolve("next"));
        Fixtures.filterPlugin("other", "Other", "return in;").writeTo(dir.resolve("plugins"));
        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).build()) {
            host.start();
            Filter other = host.extensions(Filter.class).get(0);
            Filter shown = host.extensions(Filter.class).get(1);

            assertThat(shown).hasToString("shown 1.0.0 under plugin:shown@1.0.0");
            assertThat(shown.hashCode()).isEqualTo(1);
            assertThat(shown.equals("shown")).as("the plugin's equals, not the handle's identity").isTrue();
            assertThat(shown.equals(host.extensions(Filter.class).get(1))).as("two handles of one instance").isTrue();
            assertThat(shown.equals(other)).isFalse();

            host.reload("shown", v2);

            assertThat(shown).hasToString("shown 2.0.0 under plugin:shown@2.0.0");
            assertThat(shown.hashCode()).isEqualTo(2);

            host.unload("shown");

            assertThat(shown).hasToString("com.acme.api.Filter of plugin shown: not available (plugin shown was"
                    + " unloaded)");
            assertThat(shown.hashCode()).isEqualTo(System.identityHashCode(shown));
            assertThat(shown.equals(shown)).isTrue();
            assertThat(shown.equals("shown")).isFalse();
        }
    }

    @Test
    void extensionTypeFromAnotherLoaderIsRefusedNamingBothLoadersAndTheBuilderMethod() throws Exception {
        Fixtures.filterPlugin("one", "One", "return in;").writeTo(dir);
        try (PluginHost host = Fixtures.host(dir).build();
             URLClassLoader copy = new URLClassLoader("copy", new URL[] {Fixtures.locationOf(Filter.class).toUri()
                     .toURL()}, ClassLoader.getPlatformClassLoader())) {
            host.start();
            Class<?> otherFilter = copy.loadClass(Filter.class.getName());

            assertThatThrownBy(() -> host.extensions(otherFilter)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("com.acme.api.Filter: this Class (loader copy) is not the host API's"
                            + " com.acme.api.Filter (loader app); pass the class seen by"
                            + " PluginHostBuilder.hostClassLoader");
        }
    }

    /** A filter whose Object methods say which version they are and which context class loader they ran under. */
    private static TestJar shown(String version) {
        return TestJar.named("shown-" + version).plugin("shown", version).classpath(Fixtures.compileClasspath())
                .source("com.acme.shown.Shown", "package com.acme.shown;\n"
                        + "public class Shown implements com.acme.api.Filter {\n"
                        + "    public String apply(String in) { return in; }\n"
                        + "    public String toString() {\n"
                        + "        return \"shown " + version + " under \""
                        + " + Thread.currentThread().getContextClassLoader().getName();\n"
                        + "    }\n"
                        + "    public int hashCode() { return " + version.charAt(0) + "; }\n"
                        + "    public boolean equals(Object o) { return o == this || \"shown\".equals(o); }\n"
                        + "}\n")
                .service(Fixtures.FILTER, "com.acme.shown.Shown");
    }

    /** Counts the slow plugin's latch down from the host side, through its own class loader. */
    private static void releaseSlowPlugin(PluginHost host) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        ClassLoader loader = null;
        while (loader == null && System.nanoTime() < deadline) {
            loader = findLoader("plugin:slow@1.0.0");
            Thread.onSpinWait();
        }
        assertThat(loader).as("slow plugin's loader").isNotNull();
        Object latch = loader.loadClass("com.acme.slow.Slow").getField("GO").get(null);
        ((CountDownLatch) latch).countDown();
    }

    private static ClassLoader findLoader(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            ClassLoader l = t.getContextClassLoader();
            if (l != null && name.equals(l.getName())) {
                return l;
            }
        }
        return null;
    }
}
