package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.api.Filter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault fails only the call in flight; the host lives and the next call runs on a restarted child. */
class FaultRecoveryTest {
    private static final String FAULTY = String.join("\n",
            "switch (in) {",
            "  case \"exit\": System.exit(3); return null;",
            "  case \"oom\": { List<long[]> hog = new ArrayList<>(); while (true) hog.add(new long[1 << 20]); }",
            "  case \"loop\": { long n = 0; while (n >= 0) n++; return \"never\"; }",
            "  case \"sleep\": try { Thread.sleep(60_000); } catch (InterruptedException e) { }",
            "                 return \"woke\";",
            "  case \"pid\": return Long.toString(ProcessHandle.current().pid());",
            "  default: return \"ok \" + in;",
            "}");

    @TempDir
    static Path dir;
    static Path jar;
    private final List<RemoteEvent> events = new CopyOnWriteArrayList<>();
    private RemotePlugin plugin;

    @BeforeAll
    static void buildJar() throws Exception {
        jar = RemoteFixtures.filter(dir, "faulty", "1.0.0", FAULTY);
    }

    private Filter launch(Duration callTimeout) {
        plugin = RemotePlugin.launch(RemoteFixtures.options(jar).callTimeout(callTimeout).build());
        plugin.addListener(events::add);
        return plugin.extensions(Filter.class).get(0);
    }

    @AfterEach
    void close() {
        if (plugin != null) {
            plugin.close();
        }
    }

    @Test
    void systemExitFailsTheCallWithTheExitCodeAndTheChildRestarts() throws Exception {
        Filter f = launch(Duration.ofSeconds(10));
        long firstPid = plugin.pid().orElseThrow();

        assertThatThrownBy(() -> f.apply("exit")).isInstanceOfSatisfying(RemoteFaultException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("plugin faulty: call failed: child JVM (pid " + firstPid
                    + ") exited with code 3; it restarts");
            assertThat(e.exitCode()).hasValue(3);
            assertThat(e.timedOut()).isFalse();
        });

        assertThat(f.apply("again")).isEqualTo("ok again");
        assertThat(plugin.state()).isEqualTo(RemoteState.RUNNING);
        assertThat(plugin.pid()).isPresent().isNotEqualTo(firstPid);
        assertThat(events).extracting(RemoteEvent::kind).containsExactly(RemoteEvent.Kind.CRASHED,
                RemoteEvent.Kind.RESTARTED);
        RemoteEvent crashed = events.stream().filter(e -> e.kind() == RemoteEvent.Kind.CRASHED).findFirst()
                .orElseThrow();
        assertThat(crashed.exitCode()).hasValue(3);
        assertThat(crashed.pid()).isEqualTo(firstPid);
    }

    @Test
    void outOfMemoryKillsOnlyTheChild() {
        Filter f = launch(Duration.ofSeconds(20));

        assertThatThrownBy(() -> f.apply("oom")).isInstanceOfSatisfying(RemoteFaultException.class,
                e -> assertThat(e.exitCode()).hasValue(3)); // -XX:+ExitOnOutOfMemoryError exits with 3

        assertThat(f.apply("after")).isEqualTo("ok after");
        assertThat(events).filteredOn(e -> e.kind() == RemoteEvent.Kind.CRASHED).singleElement()
                .satisfies(e -> assertThat(String.join("\n", e.lastOutput())).contains("OutOfMemoryError"));
    }

    @Test
    void endlessLoopPastTheTimeOutKillsAndRestartsTheChild() {
        Filter f = launch(Duration.ofMillis(1500));
        long firstPid = plugin.pid().orElseThrow();

        assertThatThrownBy(() -> f.apply("loop")).isInstanceOfSatisfying(RemoteFaultException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("plugin faulty: com.acme.api.Filter.apply(java.lang.String):"
                    + " timed out after 1500 ms; its child JVM (pid " + firstPid + ") was killed and restarts");
            assertThat(e.timedOut()).isTrue();
        });

        assertThat(f.apply("next")).isEqualTo("ok next");
        assertThat(plugin.pid()).isPresent().isNotEqualTo(firstPid);
    }

    @Test
    void killDashNineFailsTheCallInFlightAndTheNextCallSucceeds() throws Exception {
        Filter f = launch(Duration.ofSeconds(30));
        long firstPid = Long.parseLong(f.apply("pid"));
        assertThat(plugin.pid()).hasValue(firstPid);
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> f.apply("sleep"));
        assertThat(RemoteFixtures.eventually(10, () -> plugin.callsInFlight() == 1)).isTrue();

        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

        assertThatThrownBy(() -> inFlight.get(20, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(RemoteFaultException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("plugin faulty: call failed: child JVM (pid " + firstPid
                            + ") was killed by signal 9 (SIGKILL); it restarts");
                    assertThat(e.exitCode()).hasValue(137);
                });
        assertThat(f.apply("later")).isEqualTo("ok later");
        assertThat(Long.parseLong(f.apply("pid"))).isNotEqualTo(firstPid);
    }
}
