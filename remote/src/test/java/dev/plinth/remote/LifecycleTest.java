package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.api.Filter;
import com.acme.api.Generic;
import com.acme.api.Reader;
import dev.plinth.runtime.PluginException;
import dev.plinth.runtime.PluginUnavailableException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launch refusals, close, reload, and no child outliving its host. */
class LifecycleTest {
    @TempDir
    Path dir;

    @Test
    void interfaceThatCannotCrossIsRefusedAtLaunchNamingTheMethod() throws Exception {
        Path jar = RemoteFixtures.plugin(dir, "reader", "1.0.0", Reader.class, "Impl",
                "public String read(java.io.InputStream in) { return \"\"; }");

        assertThatThrownBy(() -> RemotePlugin.launch(RemoteFixtures.options(jar).build()))
                .isInstanceOf(PluginException.class)
                .hasMessage("com.acme.api.Reader.read(java.io.InputStream): parameter type java.io.InputStream"
                        + " cannot cross a process boundary: java.io.InputStream is abstract, so the receiver cannot"
                        + " know what to build (supported: null, primitives and their boxes, String, arrays, enums,"
                        + " records, public final classes of supported fields, List/Set/Map/Optional of supported"
                        + " types, java.time values, BigDecimal, BigInteger, UUID)");
    }

    @Test
    void extensionsRefusesAnInterfaceThatCannotCross() throws Exception {
        try (RemotePlugin plugin = RemotePlugin.launch(RemoteFixtures.options(
                RemoteFixtures.filter(dir, "plain", "1.0.0", "return in;")).build())) {
            assertThatThrownBy(() -> plugin.extensions(Generic.class)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("com.acme.api.Generic.threads(): return type"
                            + " java.util.List<java.lang.Thread> cannot cross a process boundary:"
                            + " java.lang.Thread is not final: a subclass would arrive as java.lang.Thread"
                            + " (supported: ");
        }
    }

    @Test
    void closeLeavesNoChildAndRefusesCalls() throws Exception {
        RemotePlugin plugin = RemotePlugin.launch(RemoteFixtures.options(
                RemoteFixtures.filter(dir, "closing", "1.0.0", "return in;")).build());
        Filter f = plugin.extensions(Filter.class).get(0);
        assertThat(f.apply("x")).isEqualTo("x");
        long pid = plugin.pid().orElseThrow();

        plugin.close();

        assertThat(RemoteFixtures.eventually(10, () -> RemoteFixtures.processGone(pid))).isTrue();
        assertThat(plugin.state()).isEqualTo(RemoteState.CLOSED);
        assertThatThrownBy(() -> f.apply("x")).isInstanceOf(PluginUnavailableException.class)
                .hasMessage("plugin closing: not available (state CLOSED)");
    }

    @Test
    void reloadSwitchesToTheNewJarAfterItsHandshakeAndStopsTheOldChild() throws Exception {
        Path v1 = RemoteFixtures.filter(dir, "upper", "1.0.0", "return \"v1 \" + in;");
        Path v2 = RemoteFixtures.filter(dir, "upper", "2.0.0", "return \"v2 \" + in;");
        List<RemoteEvent> events = new CopyOnWriteArrayList<>();
        try (RemotePlugin plugin = RemotePlugin.launch(RemoteFixtures.options(v1).build())) {
            plugin.addListener(events::add);
            Filter f = plugin.extensions(Filter.class).get(0);
            assertThat(f.apply("a")).isEqualTo("v1 a");
            long oldPid = plugin.pid().orElseThrow();

            plugin.reload(v2);

            assertThat(f.apply("b")).isEqualTo("v2 b");
            assertThat(RemoteFixtures.eventually(10, () -> RemoteFixtures.processGone(oldPid))).isTrue();
            assertThat(events).extracting(RemoteEvent::kind).containsExactly(RemoteEvent.Kind.RELOADED);
            assertThat(plugin.state()).isEqualTo(RemoteState.RUNNING);
        }
    }

    @Test
    void reloadsUnderConcurrentCallsFailNoCallAndLeaveExactlyOneChild() throws Exception {
        Path v1 = RemoteFixtures.filter(dir, "busy", "1.0.0", "return \"v1 \" + in;");
        Path v2 = RemoteFixtures.filter(dir, "busy", "2.0.0", "return \"v2 \" + in;");
        try (RemotePlugin plugin = RemotePlugin.launch(RemoteFixtures.options(v1).build())) {
            Filter f = plugin.extensions(Filter.class).get(0);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong calls = new AtomicLong();
            List<String> wrong = new CopyOnWriteArrayList<>();
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String mine = "c" + t;
                Thread caller = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            String r = f.apply(mine);
                            if (!r.equals("v1 " + mine) && !r.equals("v2 " + mine)) {
                                wrong.add(r);
                            }
                            calls.incrementAndGet();
                        } catch (RuntimeException e) {
                            wrong.add(e.toString());
                        }
                    }
                }, "caller-" + t);
                callers.add(caller);
                caller.start();
            }
            List<Long> pids = new ArrayList<>(List.of(plugin.pid().orElseThrow()));
            for (int k = 0; k < 6; k++) {
                long before = calls.get();
                assertThat(RemoteFixtures.eventually(10, () -> calls.get() > before + 100)).isTrue();

                plugin.reload(k % 2 == 0 ? v2 : v1);

                long now = plugin.pid().orElseThrow();
                assertThat(pids).doesNotContain(now);
                assertThat(liveChildren()).as("after reload %d", k + 1).containsExactly(now);
                pids.add(now);
            }
            stop.set(true);
            for (Thread caller : callers) {
                caller.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertThat(wrong).isEmpty();
            assertThat(calls.get()).isGreaterThan(600);
            assertThat(f.apply("x")).isEqualTo("v1 x");
        }
        assertThat(RemoteFixtures.eventually(10, () -> liveChildren().isEmpty())).isTrue();
    }

    /** This JVM's child JVMs serving plugins now. */
    private static List<Long> liveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(ChildMain.class.getName()))
                .map(ProcessHandle::pid).toList();
    }

    @Test
    void failedReloadKeepsTheOldChildServing() throws Exception {
        Path good = RemoteFixtures.filter(dir, "keep", "1.0.0", "return \"good\";");
        Path bad = RemoteFixtures.plugin(dir, "keep", "2.0.0", Reader.class, "Impl",
                "public String read(java.io.InputStream in) { return \"\"; }");
        try (RemotePlugin plugin = RemotePlugin.launch(RemoteFixtures.options(good).build())) {
            Filter f = plugin.extensions(Filter.class).get(0);

            assertThatThrownBy(() -> plugin.reload(bad)).isInstanceOf(PluginException.class)
                    .hasMessageStartingWith("com.acme.api.Reader.read(java.io.InputStream): parameter type");

            assertThat(f.apply("")).isEqualTo("good");
        }
    }

    @Test
    void childDiesWhenItsHostIsKilled() throws Exception {
        Path jar = RemoteFixtures.filter(dir, "orphan", "1.0.0", "return in;");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process host = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                HostMain.class.getName(), jar.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(),
                StandardCharsets.UTF_8))) {
            long child = -1;
            while (child < 0) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                if (line.startsWith("CHILD-PID ")) {
                    child = Long.parseLong(line.substring("CHILD-PID ".length()));
                }
            }
            assertThat(child).as("child pid printed by the host").isPositive();
            assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).hasValue(true);

            host.destroyForcibly(); // SIGKILL: no shutdown hook, no close(); only the pipes tell the child
            assertThat(host.waitFor(10, TimeUnit.SECONDS)).isTrue();

            long grandchild = child;
            assertThat(RemoteFixtures.eventually(10, () -> RemoteFixtures.processGone(grandchild)))
                    .as("child %d gone after its host was killed", grandchild).isTrue();
        } finally {
            host.destroyForcibly();
        }
    }
}
