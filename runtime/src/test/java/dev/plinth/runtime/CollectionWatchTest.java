package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.acme.api.Filter;
import dev.plinth.runtime.internal.HandleBase;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Severity;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code loader-leak} error is certain: a loader still reachable after the leak-check time-out, with no holder
 * named, is watched in the background and reported only when still reachable after {@code leakReportAfter}.
 */
class CollectionWatchTest {
    @TempDir
    Path dir;

    @Test
    void aLoaderCollectedLateIsNoLeakAndTheUnloadDoesNotWaitForIt() throws Exception {
        Fixtures.filterPlugin("held", "Held", "return in;").writeTo(dir);
        List<PluginEvent> events = new CopyOnWriteArrayList<>();
        Duration leakCheck = Duration.ofMillis(300);
        try (PluginHost host = Fixtures.host(dir).leakCheckTimeout(leakCheck).leakReportAfter(Duration.ofSeconds(60))
                .listener(events::add).build()) {
            host.start();
            AtomicReference<Object> holder = new AtomicReference<>(instanceOf(host.extensions(Filter.class).get(0)));
            WeakReference<ClassLoader> loader = new WeakReference<>(holder.get().getClass().getClassLoader());

            UnloadReport report = host.unload("held");

            assertThat(report.findings()).as("no leak is proven yet").isEmpty();
            assertThat(report.collected()).isFalse();
            assertThat(report.collectionChecked()).as("undecided").isFalse();
            assertThat(report.isClean()).isTrue();
            assertThat(report.took()).as("the unload waits the leak-check time-out, not the watch")
                    .isGreaterThanOrEqualTo(leakCheck).isLessThan(Duration.ofSeconds(30));
            assertThat(watching()).as("the watch thread runs").isTrue();

            holder.set(null); // the holder lets go, well within the window
            await(() -> loader.get() == null && !watching(), Duration.ofSeconds(20));

            assertThat(events).extracting(PluginEvent::type)
                    .containsExactly(PluginEvent.Type.LOADED, PluginEvent.Type.UNLOADED);
        }
    }

    @Test
    void aLoaderPinnedByAnUnnamedHolderIsReportedOnceWhenTheWindowEnds() throws Exception {
        Fixtures.filterPlugin("pinned", "Pinned", "return in;").writeTo(dir);
        List<PluginEvent> events = new CopyOnWriteArrayList<>();
        AtomicReference<Object> holder = new AtomicReference<>();
        try (PluginHost host = Fixtures.host(dir).leakCheckTimeout(Duration.ofMillis(200))
                .leakReportAfter(Duration.ofSeconds(1)).listener(events::add).build()) {
            host.start();
            holder.set(instanceOf(host.extensions(Filter.class).get(0)));

            UnloadReport report = host.unload("pinned");
            assertThat(report.findings()).isEmpty();
            assertThat(events).extracting(PluginEvent::type).doesNotContain(PluginEvent.Type.LEAK);

            await(() -> events.stream().anyMatch(e -> e.type() == PluginEvent.Type.LEAK), Duration.ofSeconds(20));
            await(() -> !watching(), Duration.ofSeconds(20));

            List<PluginEvent> leaks = events.stream().filter(e -> e.type() == PluginEvent.Type.LEAK).toList();
            assertThat(leaks).hasSize(1);
            UnloadReport late = leaks.get(0).unloadReport().orElseThrow();
            assertThat(late.collected()).isFalse();
            assertThat(late.collectionChecked()).isTrue();
            assertThat(late.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(late.findings()).extracting(Finding::code, Finding::severity, Finding::message)
                    .containsExactly(tuple(FindingCode.LOADER_LEAK, Severity.ERROR, "class loader "
                            + report.loaderName() + " still reachable 1 s after unload; the scan found no holder"));
            assertThat(late.findings().get(0).fix()).endsWith("; if no GC root reaches it, it is kept by JIT-compiled"
                    + " code that inlined the plugin's classes and is running on a thread that called the plugin from"
                    + " a method that has not returned since (a loop calling the plugin): it is released when that"
                    + " method returns");
            assertThat(leaks.get(0).plugin().findings()).contains(late.findings().get(0));
        } finally {
            holder.set(null);
        }
    }

    @Test
    void reloadsUnderCallingThreadsReportNoLoaderLeakWithoutANamedHolder() throws Exception {
        Path v1 = Fixtures.filterPlugin("loop", "Loop", "return in + \"1\";").writeTo(dir.resolve("v1"));
        Path v2 = Fixtures.filterPlugin("loop", "Loop", "return in + \"2\";").writeTo(dir.resolve("v2"));
        List<Finding> reported = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        // a short leak check, as on a busy machine: loaders are often still reachable when it ends
        // a short drain bound: callers in a tight loop can keep a handle frame in every stack sample
        try (PluginHost host = Fixtures.host(dir.resolve("v1")).leakCheckTimeout(Duration.ofMillis(100))
                .stopTimeout(Duration.ofSeconds(2))
                .listener(e -> e.unloadReport().ifPresent(u -> reported.addAll(u.findings()))).build()) {
            host.start();
            Filter held = host.extensions(Filter.class).get(0);
            List<Thread> callers = IntStream.range(0, 4).mapToObj(i -> new Thread(() -> {
                while (running.get()) {
                    try {
                        String out = held.apply("x");
                        if (!out.equals("x1") && !out.equals("x2")) {
                            throw new AssertionError("wrong answer " + out);
                        }
                        calls.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            }, "caller-" + i)).toList();
            callers.forEach(Thread::start);
            try {
                for (int i = 0; i < 20; i++) {
                    ReloadReport r = host.reload("loop", i % 2 == 0 ? v2 : v1);
                    assertThat(r.reloaded()).as("reload %d: %s", i, r.findings()).isTrue();
                    reported.addAll(r.unload().findings());
                }
            } finally {
                running.set(false);
                for (Thread t : callers) {
                    t.join(TimeUnit.SECONDS.toMillis(10));
                }
            }
            assertThat(failures).isEmpty();
            assertThat(calls.get()).isPositive();
            assertThat(reported).filteredOn(f -> f.code() == FindingCode.LOADER_LEAK && f.isError())
                    .as("loader-leak errors without a named holder").isEmpty();
        }
    }

    /** The plugin's own instance behind a handle: what a host keeps by mistake, and no scan can name. */
    private static Object instanceOf(Object handle) {
        return ((HandleBase) handle).plinthSlot().currentInstance();
    }

    /** Whether the host's collection watch thread runs; it ends once nothing is left to watch. */
    private static boolean watching() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("plinth-collection-watch"));
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline < 0).as("condition met within %s", timeout).isTrue();
            System.gc();
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
