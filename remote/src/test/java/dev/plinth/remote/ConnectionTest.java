package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection has no thread of its own: callers read their own replies and the child runs calls on the thread
 * that read them. These are the cases that design must still get right.
 */
class ConnectionTest {
    private static final String BODY = String.join("\n",
            "switch (in) {",
            "  case \"slow\": try { Thread.sleep(30_000); } catch (InterruptedException e) { }",
            "                return \"slept\";",
            "  case \"pid\": return Long.toString(ProcessHandle.current().pid());",
            "  case \"nap\": try { Thread.sleep(300); } catch (InterruptedException e) { }",
            "               return \"rested\";",
            "  case \"interrupt-self\": Thread.currentThread().interrupt(); return \"interrupted\";",
            "  case \"interrupt-later\": {",
            "    new Thread(() -> {",
            "      try { Thread.sleep(300); } catch (InterruptedException e) { }",
            "      for (Thread t : Thread.getAllStackTraces().keySet()) {",
            "        if (t.getName().startsWith(\"plinth-remote-\")) t.interrupt();",
            "      }",
            "    }).start();",
            "    return \"armed\";",
            "  }",
            "  default: return \"ok \" + in;",
            "}");

    /** A thread per task: the common pool may have one thread, which a blocked call would hold. */
    private static final Executor OWN_THREAD = r -> new Thread(r).start();

    @TempDir
    static Path dir;
    static Path jar;
    private final List<RemoteEvent> events = new CopyOnWriteArrayList<>();
    private RemotePlugin plugin;
    private Filter filter;

    @BeforeAll
    static void buildJar() throws Exception {
        jar = RemoteFixtures.filter(dir, "conn", "1.0.0", BODY);
    }

    private void launch() {
        launch(Duration.ofSeconds(60));
    }

    private void launch(Duration callTimeout) {
        plugin = RemotePlugin.launch(RemoteFixtures.options(jar).callTimeout(callTimeout).build());
        plugin.addListener(events::add);
        filter = plugin.extensions(Filter.class).get(0);
    }

    @AfterEach
    void close() {
        if (plugin != null) {
            plugin.close();
        }
    }

    @Test
    void anInterruptedCallerFailsAloneAndTheConnectionSurvives() throws Exception {
        launch();
        long pid = Long.parseLong(filter.apply("pid"));
        CompletableFuture<Throwable> interrupted = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                filter.apply("slow");
                interrupted.complete(null);
            } catch (Throwable t) {
                interrupted.complete(t);
            }
        }, "interrupted-caller");
        caller.start();
        assertThat(RemoteFixtures.eventually(10, () -> plugin.callsInFlight() == 1)).isTrue();

        caller.interrupt(); // the lone caller is the one reading the connection

        assertThat(interrupted.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(RemoteFaultException.class,
                e -> assertThat(e.getMessage()).isEqualTo("plugin conn: com.acme.api.Filter.apply(java.lang.String):"
                        + " interrupted while waiting for the reply"));
        assertThat(filter.apply("after")).isEqualTo("ok after");
        assertThat(Long.parseLong(filter.apply("pid"))).isEqualTo(pid);
        assertThat(events).isEmpty(); // no crash, no restart
    }

    @Test
    void whenTheReadingCallerIsInterruptedAWaitingCallerTakesOverReading() throws Exception {
        launch();
        CompletableFuture<String> reader = new CompletableFuture<>();
        Thread first = new Thread(() -> {
            try {
                reader.complete(filter.apply("slow"));
            } catch (RuntimeException e) {
                reader.complete(e.getMessage());
            }
        }, "first-caller");
        first.start();
        assertThat(RemoteFixtures.eventually(10, () -> plugin.callsInFlight() == 1)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> filter.apply("nap"), OWN_THREAD);
        assertThat(RemoteFixtures.eventually(10, () -> plugin.callsInFlight() == 2)).isTrue();

        first.interrupt(); // it was reading; the second caller's reply comes 300 ms later and must be read

        assertThat(reader.get(10, TimeUnit.SECONDS)).endsWith("interrupted while waiting for the reply");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("rested");
        assertThat(events).isEmpty();
    }

    @Test
    void aCallWhoseArgumentTheStoppedChildNeverReadsTimesOutAndTheChildRestarts() throws Exception {
        launch(Duration.ofSeconds(3));
        long pid = plugin.pid().orElseThrow();
        assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor()).isZero();
        String big = "x".repeat(8 << 20); // far more than the socket buffers hold: the write itself must wait

        CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> {
            try {
                filter.apply(big);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }, OWN_THREAD);

        assertThat(call.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(RemoteFaultException.class,
                e -> assertThat(e.getMessage()).isEqualTo("plugin conn: com.acme.api.Filter.apply(java.lang.String):"
                        + " timed out after 3000 ms; its child JVM (pid " + pid + ") was killed and restarts"));
        assertThat(filter.apply("after")).isEqualTo("ok after");
        assertThat(plugin.pid()).isPresent().isNotEqualTo(pid);
    }

    @Test
    void aHundredCallersAtOnceAllGetTheirReplies() throws Exception {
        launch();
        int callers = 100;
        CyclicBarrier together = new CyclicBarrier(callers);
        List<CompletableFuture<Integer>> results = new CopyOnWriteArrayList<>();
        for (int t = 0; t < callers; t++) {
            int caller = t;
            results.add(CompletableFuture.supplyAsync(() -> {
                int right = 0;
                for (int i = 0; i < 20; i++) {
                    try {
                        together.await(10, TimeUnit.SECONDS); // every round, all calls leave together
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    if (filter.apply(caller + ":" + i).equals("ok " + caller + ":" + i)) {
                        right++;
                    }
                }
                return right;
            }, OWN_THREAD));
        }
        for (CompletableFuture<Integer> r : results) {
            assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo(20);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void aPluginInterruptingItsCallThreadDoesNotBreakTheChild() {
        launch();
        long pid = plugin.pid().orElseThrow();

        assertThat(filter.apply("interrupt-self")).isEqualTo("interrupted");

        assertThat(filter.apply("next")).isEqualTo("ok next");
        assertThat(plugin.pid()).hasValue(pid);
        assertThat(events).isEmpty();
    }

    @Test
    void aPluginInterruptingAThreadItDoesNotOwnLaterIsACrashThatSaysSo() throws Exception {
        launch();
        long pid = plugin.pid().orElseThrow();

        assertThat(filter.apply("interrupt-later")).isEqualTo("armed"); // interrupts every plinth thread, 300 ms later

        assertThat(RemoteFixtures.eventually(20, () -> events.stream()
                .anyMatch(e -> e.kind() == RemoteEvent.Kind.RESTARTED))).isTrue();
        RemoteEvent crashed = events.get(0);
        assertThat(crashed.kind()).isEqualTo(RemoteEvent.Kind.CRASHED);
        assertThat(crashed.pid()).isEqualTo(pid);
        assertThat(String.join("\n", crashed.lastOutput())).containsPattern("plinth-remote child: thread"
                + " plinth-remote-call-\\d+ was interrupted while it waited for the next call, which closed the"
                + " connection; plugin code must not interrupt threads it did not start");
        assertThat(filter.apply("x")).isEqualTo("ok x");
    }

    @Test
    void aLongCallDoesNotHoldUpTheCallsBehindIt() throws Exception {
        launch();
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> filter.apply("slow"), OWN_THREAD);
        assertThat(RemoteFixtures.eventually(10, () -> plugin.callsInFlight() == 1)).isTrue();

        assertThat(CompletableFuture.supplyAsync(() -> filter.apply("quick"), OWN_THREAD).get(10, TimeUnit.SECONDS))
                .isEqualTo("ok quick");

        assertThat(slow).as("the 30 s call still runs while the quick one came back").isNotDone();
    }

    @Test
    void aChildDyingWithNoCallInFlightIsNoticedAndRestarted() throws Exception {
        launch();
        long pid = plugin.pid().orElseThrow();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        assertThat(RemoteFixtures.eventually(20, () -> events.stream()
                .anyMatch(e -> e.kind() == RemoteEvent.Kind.RESTARTED))).isTrue();
        assertThat(events).extracting(RemoteEvent::kind).containsExactly(RemoteEvent.Kind.CRASHED,
                RemoteEvent.Kind.RESTARTED);
        assertThat(events.get(0).message()).startsWith("plugin conn: child JVM (pid " + pid
                + ") was killed by signal 9 (SIGKILL) (");
        assertThat(plugin.pid()).isPresent().isNotEqualTo(pid);
        assertThat(filter.apply("x")).isEqualTo("ok x");
    }

    @Test
    void manyCallersEachGetTheirOwnReply() throws Exception {
        launch();
        List<CompletableFuture<Integer>> callers = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 8; t++) {
            int caller = t;
            callers.add(CompletableFuture.supplyAsync(() -> {
                int wrong = 0;
                for (int i = 0; i < 2_000; i++) {
                    String mine = caller + ":" + i;
                    if (!filter.apply(mine).equals("ok " + mine)) {
                        wrong++;
                    }
                }
                return wrong;
            }, r -> new Thread(r, "caller-" + caller).start()));
        }
        for (CompletableFuture<Integer> c : callers) {
            assertThat(c.get(60, TimeUnit.SECONDS)).isZero();
        }
        assertThat(plugin.callsInFlight()).isZero();
        assertThat(events).isEmpty();
    }
}
