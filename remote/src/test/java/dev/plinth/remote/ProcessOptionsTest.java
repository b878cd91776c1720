package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.api.Filter;
import dev.plinth.runtime.Isolation;
import dev.plinth.runtime.PluginEvent;
import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginHostBuilder;
import dev.plinth.runtime.ProcessOptions;
import dev.plinth.testjars.TestJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's settings for a plugin's child JVM: each reaches the child, and a wrong one is refused by name. */
class ProcessOptionsTest {
    @TempDir
    Path dir;

    /**
     * A plugin that answers what its JVM sees: {@code heap}, {@code prop:<name>}, {@code env:<name>}, {@code sleep},
     * {@code starts} (the lines of {@code starts.txt} in its data directory, one written per start), else its input.
     */
    private Path probe() throws Exception {
        return TestJar.named("far").plugin("far", "1.0.0")
                .classpath(RemoteFixtures.apiClasspath(), RemoteFixtures.locationOf(dev.plinth.api.Plugin.class))
                .source("com.acme.far.Probe", "package com.acme.far;\n"
                        + "import java.nio.file.*;\n"
                        + "public class Probe implements com.acme.api.Filter, dev.plinth.api.Plugin {\n"
                        + "    static volatile Path data;\n"
                        + "    public void start(dev.plinth.api.PluginContext c) throws Exception {\n"
                        + "        data = c.dataDirectory();\n"
                        + "        Files.createDirectories(data);\n"
                        + "        Files.writeString(data.resolve(\"starts.txt\"), \"start\\n\",\n"
                        + "                StandardOpenOption.CREATE, StandardOpenOption.APPEND);\n"
                        + "    }\n"
                        + "    public String apply(String in) {\n"
                        + "        try {\n"
                        + "            if (in.equals(\"heap\"))\n"
                        + "                return Long.toString(Runtime.getRuntime().maxMemory());\n"
                        + "            if (in.startsWith(\"prop:\")) return System.getProperty(in.substring(5));\n"
                        + "            if (in.startsWith(\"env:\")) return System.getenv(in.substring(4));\n"
                        + "            if (in.equals(\"sleep\")) { Thread.sleep(60_000); return in; }\n"
                        + "            if (in.equals(\"starts\"))\n"
                        + "                return Files.readString(data.resolve(\"starts.txt\"));\n"
                        + "            if (in.equals(\"die\")) { Runtime.getRuntime().halt(3); }\n"
                        + "            return in;\n"
                        + "        } catch (Exception e) { throw new RuntimeException(e); }\n"
                        + "    }\n"
                        + "}\n")
                .service("com.acme.api.Filter", "com.acme.far.Probe")
                .service("dev.plinth.api.Plugin", "com.acme.far.Probe").writeTo(dir.resolve("plugins"));
    }

    private PluginHostBuilder host() {
        return PluginHost.builder().sharedPackages(RemoteFixtures.API).pluginDirectory(dir.resolve("plugins"))
                .isolation("far", Isolation.PROCESS).startTimeout(Duration.ofSeconds(60))
                .hostClassLoader(ProcessOptionsTest.class.getClassLoader());
    }

    @Test
    void heapJvmOptionsAndEnvironmentReachTheChild() throws Exception {
        probe();
        try (PluginHost host = host().processOptions("far", ProcessOptions.builder().maxHeap("48m")
                .jvmOptions("-Dacme.flag=on").environment("ACME_MODE", "blue").build()).build()) {
            host.start();
            Filter far = host.extensions(Filter.class).get(0);
            long heap = Long.parseLong(far.apply("heap"));
            assertThat(heap).isLessThanOrEqualTo(48L << 20).isGreaterThan(16L << 20);
            assertThat(far.apply("prop:acme.flag")).isEqualTo("on");
            assertThat(far.apply("env:ACME_MODE")).isEqualTo("blue");
        }
    }

    @Test
    void theCallTimeOutIsThePlugins() throws Exception {
        probe();
        try (PluginHost host = host().processOptions("far", ProcessOptions.builder()
                .callTimeout(Duration.ofMillis(500)).build()).build()) {
            host.start();
            Filter far = host.extensions(Filter.class).get(0);
            assertThatThrownBy(() -> far.apply("sleep")).isInstanceOf(RemoteFaultException.class)
                    .hasMessageContaining("500 ms");
        }
    }

    @Test
    void theDataDirectoryIsTheHostsAndOutlivesRestartsAndClose() throws Exception {
        probe();
        Path data = dir.resolve("data");
        List<PluginEvent> events = new CopyOnWriteArrayList<>();
        try (PluginHost host = host().dataDirectory(data).listener(events::add).build()) {
            host.start();
            Filter far = host.extensions(Filter.class).get(0);
            assertThat(far.apply("starts")).isEqualTo("start\n");
            assertThatThrownBy(() -> far.apply("die")).isInstanceOf(RemoteFaultException.class);
            assertThat(RemoteFixtures.eventually(30, () -> events.stream()
                    .anyMatch(e -> e.type() == PluginEvent.Type.RESTARTED))).isTrue();
            assertThat(far.apply("starts")).isEqualTo("start\nstart\n"); // the restarted child found the first's
        }
        assertThat(Files.readString(data.resolve("far").resolve("starts.txt"))).isEqualTo("start\nstart\n");
    }

    @Test
    void anIsolationSettingForAnUnknownIdIsRefusedWithTheIdsFound() throws Exception {
        probe();
        try (PluginHost host = host().isolation("helo", Isolation.PROCESS).build()) {
            assertThatThrownBy(host::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("isolation(\"helo\", ...): no plugin has the id 'helo'; the plugins found are [far]");
        }
        try (PluginHost host = host().processOptions("fra", ProcessOptions.defaults()).build()) {
            assertThatThrownBy(host::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("processOptions(\"fra\", ...): no plugin has the id 'fra'; the plugins found are"
                            + " [far]");
        }
    }

    @Test
    void wrongOptionsAreRefusedByName() {
        assertThatThrownBy(() -> ProcessOptions.builder().maxHeap("lots"))
                .hasMessage("maxHeap: not a heap size like 64m: lots");
        assertThatThrownBy(() -> ProcessOptions.builder().jvmOptions("Xmx1g"))
                .hasMessage("jvmOptions: not an option (it must start with -): Xmx1g");
        assertThatThrownBy(() -> ProcessOptions.builder().environment("PLINTH_TOKEN", "x"))
                .hasMessage("environment: PLINTH_TOKEN is reserved for the launch token");
        assertThatThrownBy(() -> ProcessOptions.builder().environment("A=B", "x"))
                .hasMessage("environment: not a variable name: 'A=B'");
        assertThatThrownBy(() -> ProcessOptions.builder().callTimeout(Duration.ZERO))
                .hasMessage("callTimeout must be between 1 ms and 1 h: PT0S");
        assertThatThrownBy(() -> ProcessOptions.builder().restartBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("restartBackoff: max PT1S < initial PT2S");
        assertThatThrownBy(() -> ProcessOptions.builder().maxFailedStarts(0))
                .hasMessage("maxFailedStarts must be at least 1: 0");
    }
}
