package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts run a bounded number at a time; a stuck start gives its place back at its time-out. */
class StartQueueTest {
    private static final String RUNNING = "plinth.test.starts.running";
    private static final String MOST = "plinth.test.starts.most";
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(RUNNING);
        System.clearProperty(MOST);
    }

    /**
     * A plugin whose start counts itself among the starts running (in system properties: the one object every
     * plugin's class loader shares), then sleeps {@code millis}; 0 sleeps until interrupted.
     */
    private Path plugin(String id, long millis) throws Exception {
        String pkg = "com.acme." + id.replace('-', '_');
        return Fixtures.filterPlugin(id, "F", "return in;")
                .source(pkg + ".Life", "package " + pkg + ";\n"
                        + "public class Life implements dev.plinth.api.Plugin {\n"
                        + "    public void start(dev.plinth.api.PluginContext c) throws Exception {\n"
                        + "        java.util.Properties p = System.getProperties();\n"
                        + "        synchronized (p) {\n"
                        + "            int now = Integer.parseInt(p.getProperty(\"" + RUNNING + "\", \"0\")) + 1;\n"
                        + "            p.setProperty(\"" + RUNNING + "\", Integer.toString(now));\n"
                        + "            int most = Integer.parseInt(p.getProperty(\"" + MOST + "\", \"0\"));\n"
                        + "            p.setProperty(\"" + MOST + "\", Integer.toString(Math.max(most, now)));\n"
                        + "        }\n"
                        + "        try {\n"
                        + "            Thread.sleep(" + (millis == 0 ? "Long.MAX_VALUE" : millis + "L") + ");\n"
                        + "        } finally {\n"
                        + "            synchronized (p) {\n"
                        + "                int now = Integer.parseInt(p.getProperty(\"" + RUNNING + "\")) - 1;\n"
                        + "                p.setProperty(\"" + RUNNING + "\", Integer.toString(now));\n"
                        + "            }\n"
                        + "        }\n"
                        + "    }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", pkg + ".Life")
                .writeTo(dir.resolve("plugins"));
    }

    @Test
    void noMoreStartsRunAtOnceThanTheHostAllows() throws Exception {
        for (int i = 0; i < 8; i++) {
            plugin("p" + i, 150);
        }
        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).startThreads(3).build()) {
            host.start();
            assertThat(host.plugins()).extracting(PluginInfo::state).containsOnly(PluginState.STARTED).hasSize(8);
        }
        assertThat(Integer.getInteger(MOST)).isBetween(1, 3);
    }

    @Test
    void stuckStartsGiveTheirPlacesBackAtTheirTimeOutAndTheOthersStillStart() throws Exception {
        plugin("a-stuck", 0);
        plugin("b-stuck", 0);
        for (int i = 0; i < 4; i++) {
            plugin("c" + i, 10);
        }
        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).startThreads(2)
                .startTimeout(Duration.ofSeconds(2)).build()) {
            host.start(); // both places taken by the stuck ones first: the others start once those time out

            Map<String, PluginState> states = new TreeMap<>();
            host.plugins().forEach(p -> states.put(p.id(), p.state()));
            assertThat(states).containsEntry("a-stuck", PluginState.FAILED).containsEntry("b-stuck", PluginState.FAILED)
                    .containsEntry("c0", PluginState.STARTED).containsEntry("c1", PluginState.STARTED)
                    .containsEntry("c2", PluginState.STARTED).containsEntry("c3", PluginState.STARTED);
            assertThat(host.plugin("a-stuck").orElseThrow().findings()).extracting(Finding::code)
                    .contains(FindingCode.INIT_TIMEOUT);
        }
    }

    @Test
    void aStartsTimeOutCountsFromWhenItBeginsNotFromWhenItWasQueued() throws Exception {
        for (int i = 0; i < 4; i++) {
            plugin("p" + i, 700); // one at a time: the last begins after 2.1 s, beyond one time-out from the first
        }
        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).startThreads(1)
                .startTimeout(Duration.ofMillis(1500)).build()) {
            host.start();
            assertThat(host.plugins()).extracting(PluginInfo::state).containsOnly(PluginState.STARTED);
        }
    }

    @Test
    void startThreadsMustBePositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PluginHost.builder().startThreads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("startThreads must be at least 1: 0");
    }
}
