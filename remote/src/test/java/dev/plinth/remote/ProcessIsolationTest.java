package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import com.acme.api.Reader;
import dev.plinth.runtime.Isolation;
import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginInfo;
import dev.plinth.runtime.PluginState;
import dev.plinth.runtime.UnloadReport;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessIsolationTest {
    @TempDir
    Path dir;

    private PluginHost host(Path plugins) {
        return PluginHost.builder().sharedPackages(RemoteFixtures.API).pluginDirectory(plugins)
                .isolation("far", Isolation.PROCESS).startTimeout(Duration.ofSeconds(60))
                .hostClassLoader(ProcessIsolationTest.class.getClassLoader()).build();
    }

    @Test
    void oneSwitchRunsAPluginInAChildJvmBehindTheSameInterface() throws Exception {
        Path plugins = dir.resolve("plugins");
        RemoteFixtures.filter(plugins, "far", "1.0.0", "return in + \" from pid \" + ProcessHandle.current().pid();");
        RemoteFixtures.filter(plugins, "near", "1.0.0", "return in + \" from pid \" + ProcessHandle.current().pid();");
        try (PluginHost host = host(plugins)) {
            host.start();

            assertThat(host.plugins()).extracting(PluginInfo::state)
                    .containsOnly(PluginState.STARTED);
            long self = ProcessHandle.current().pid();
            Filter far = host.extensions(Filter.class).get(0);
            Filter near = host.extensions(Filter.class).get(1);
            assertThat(near.apply("x")).isEqualTo("x from pid " + self);
            String remote = far.apply("x");
            assertThat(remote).startsWith("x from pid ").isNotEqualTo("x from pid " + self);
            long child = Long.parseLong(remote.substring("x from pid ".length()));
            assertThat(ProcessHandle.of(child)).get().matches(ProcessHandle::isAlive);

            UnloadReport report = host.unload("far");

            assertThat(report.findings()).isEmpty();
            assertThat(RemoteFixtures.eventually(20, () -> RemoteFixtures.processGone(child))).isTrue();
        }
    }

    @Test
    void childCrashIsAHostEventAndTheNextCallSucceedsOnARestartedChild() throws Exception {
        Path plugins = dir.resolve("plugins");
        RemoteFixtures.filter(plugins, "far", "1.0.0", "if (in.equals(\"die\")) { System.exit(3); } return in;");
        java.util.List<dev.plinth.runtime.PluginEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (PluginHost host = PluginHost.builder().sharedPackages(RemoteFixtures.API).pluginDirectory(plugins)
                .isolation(Isolation.PROCESS).startTimeout(Duration.ofSeconds(60)).listener(events::add)
                .hostClassLoader(ProcessIsolationTest.class.getClassLoader()).build()) {
            host.start();
            Filter far = host.extensions(Filter.class).get(0);
            assertThat(host.plugin("far").orElseThrow().findings()).extracting(Finding::code, Finding::severity)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.SYSTEM_EXIT,
                            dev.plinth.verify.Severity.WARNING));

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> far.apply("die"))
                    .isInstanceOf(RemoteFaultException.class);

            assertThat(RemoteFixtures.eventually(30, () -> events.stream()
                    .anyMatch(e -> e.type() == dev.plinth.runtime.PluginEvent.Type.RESTARTED))).isTrue();
            assertThat(far.apply("alive")).isEqualTo("alive");
            assertThat(events).extracting(dev.plinth.runtime.PluginEvent::type).containsSubsequence(
                    dev.plinth.runtime.PluginEvent.Type.LOADED, dev.plinth.runtime.PluginEvent.Type.CRASHED,
                    dev.plinth.runtime.PluginEvent.Type.RESTARTED);
            assertThat(events).filteredOn(e -> e.type() == dev.plinth.runtime.PluginEvent.Type.CRASHED)
                    .first().extracting(dev.plinth.runtime.PluginEvent::detail).asString().contains("exit");
        }
    }

    @Test
    void configurationReachesThePluginInTheChildJvm() throws Exception {
        Path plugins = dir.resolve("plugins");
        dev.plinth.testjars.TestJar.named("far").plugin("far", "1.0.0")
                .classpath(RemoteFixtures.apiClasspath(), RemoteFixtures.locationOf(dev.plinth.api.Plugin.class))
                .source("com.acme.far.Greeter", "package com.acme.far;\n"
                        + "public class Greeter implements com.acme.api.Filter, dev.plinth.api.Plugin {\n"
                        + "    static volatile String greeting = \"none\";\n"
                        + "    public void start(dev.plinth.api.PluginContext c) {\n"
                        + "        greeting = c.configuration().get(\"greeting\");\n"
                        + "    }\n"
                        + "    public String apply(String in) { return greeting + \" \" + in; }\n"
                        + "}\n")
                .service("com.acme.api.Filter", "com.acme.far.Greeter")
                .service("dev.plinth.api.Plugin", "com.acme.far.Greeter").writeTo(plugins);
        try (PluginHost host = PluginHost.builder().sharedPackages(RemoteFixtures.API).pluginDirectory(plugins)
                .isolation(Isolation.PROCESS).configuration("far", java.util.Map.of("greeting", "secret hello"))
                .startTimeout(Duration.ofSeconds(60)).hostClassLoader(ProcessIsolationTest.class.getClassLoader())
                .build()) {
            host.start();

            assertThat(host.plugin("far").orElseThrow().isolation()).isEqualTo(Isolation.PROCESS);
            assertThat(host.extensions(Filter.class).get(0).apply("world")).isEqualTo("secret hello world");
        }
    }

    @Test
    void interfaceThatCannotCrossIsRefusedAtLoadNamingTheMethod() throws Exception {
        Path plugins = dir.resolve("plugins");
        RemoteFixtures.plugin(plugins, "far", "1.0.0", Reader.class, "Impl",
                "public String read(java.io.InputStream in) { return \"read\"; }");
        try (PluginHost host = host(plugins)) {
            host.start();

            PluginInfo far = host.plugin("far").orElseThrow();
            assertThat(far.state()).isEqualTo(PluginState.FAILED);
            Finding f = far.findings().get(far.findings().size() - 1);
            assertThat(f.code()).isEqualTo(FindingCode.PROCESS_BOUNDARY);
            assertThat(f.message()).startsWith("com.acme.api.Reader.read(java.io.InputStream): parameter type"
                    + " java.io.InputStream cannot cross a process boundary");
        }
    }
}
