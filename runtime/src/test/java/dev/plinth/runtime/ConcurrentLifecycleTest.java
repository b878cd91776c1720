package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import com.acme.lib.StopGate;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callers, reloads and unload/add cycles of different plugins at once, while another plugin's {@code stop()}
 * hangs: no wrong answer, nothing waits for the hung stop, nothing deadlocks. Every wait has a deadline.
 */
class ConcurrentLifecycleTest {
    private static final int CALLERS = 4;
    private static final int RELOADS = 10;
    private static final int CYCLES = 5;

    @TempDir
    Path dir;

    @AfterEach
    void openGate() {
        StopGate.open = true;
    }

    @Test
    void callsReloadsAndCyclesOfOtherPluginsNeitherFailNorWaitForAHungStop() throws Exception {
        StopGate.reset();
        Path plugins = dir.resolve("plugins");
        Path a2 = Fixtures.filterPlugin("a", "A", "return \"a2:\" + in;").writeTo(dir.resolve("a2"));
        Path a1 = Fixtures.filterPlugin("a", "A", "return \"a1:\" + in;").writeTo(plugins);
        Path b2 = Fixtures.filterPlugin("b", "B", "return \"b2:\" + in;").writeTo(dir.resolve("b2"));
        Path b1 = Fixtures.filterPlugin("b", "B", "return \"b1:\" + in;").writeTo(plugins);
        Path c = Fixtures.filterPlugin("c", "C", "return \"c:\" + in;").writeTo(dir.resolve("c"));
        PerPluginLockingTest.hungStop("hung").writeTo(plugins);

        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong calls = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        AtomicBoolean calling = new AtomicBoolean(true);
        try (PluginHost host = Fixtures.host(plugins).stopTimeout(Duration.ofSeconds(60))
                .leakCheckTimeout(Duration.ofMillis(200)).build()) {
            host.start();
            Filter a = host.extensions(Filter.class, "a").get(0);
            Filter b = host.extensions(Filter.class, "b").get(0);
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                callers.add(new Thread(() -> {
                    while (calling.get()) {
                        try {
                            check(a.apply("x"), wrong, "a1:x", "a2:x");
                            check(b.apply("x"), wrong, "b1:x", "b2:x");
                            for (Filter f : host.extensions(Filter.class, "c")) {
                                try {
                                    check(f.apply("x"), wrong, "c:x");
                                } catch (PluginUnavailableException e) { // c was unloaded since the look-up
                                    unavailable.incrementAndGet();
                                }
                            }
                            calls.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }, "caller-" + i));
            }
            callers.forEach(Thread::start);
            CompletableFuture<UnloadReport> unloadHung = CompletableFuture.supplyAsync(() -> host.unload("hung"));
            PerPluginLockingTest.await(() -> StopGate.stopping, Duration.ofSeconds(20));

            CompletableFuture<Void> reloads = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < RELOADS; i++) {
                    assertThat(host.reload("a", i % 2 == 0 ? a2 : a1).reloaded()).isTrue();
                    assertThat(host.reload("b", i % 2 == 0 ? b2 : b1).reloaded()).isTrue();
                }
            });
            CompletableFuture<Void> cycles = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < CYCLES; i++) {
                    assertThat(host.add(c).state()).isEqualTo(PluginState.STARTED);
                    assertThat(host.unload("c").callsStillRunning()).isZero();
                }
            });
            CompletableFuture.allOf(reloads, cycles).get(120, TimeUnit.SECONDS);

            assertThat(ManagementFactory.getThreadMXBean().findDeadlockedThreads()).isNull();
            assertThat(unloadHung).as("hung's stop() still runs: no reload or cycle waited for it").isNotDone();
            StopGate.open = true;
            assertThat(unloadHung.get(60, TimeUnit.SECONDS).findings()).isEmpty();
            calling.set(false);
            for (Thread t : callers) {
                t.join(TimeUnit.SECONDS.toMillis(20));
                assertThat(t.isAlive()).as("%s ended", t.getName()).isFalse();
            }
            assertThat(failures).isEmpty();
            assertThat(wrong).isEmpty();
            assertThat(calls.get()).isPositive();
            assertThat(host.plugins()).extracting(PluginInfo::id, PluginInfo::state).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("a", PluginState.STARTED),
                    org.assertj.core.groups.Tuple.tuple("b", PluginState.STARTED));
        }
    }

    private static void check(String answer, ConcurrentLinkedQueue<String> wrong, String... right) {
        if (!List.of(right).contains(answer)) {
            wrong.add(answer);
        }
    }
}
