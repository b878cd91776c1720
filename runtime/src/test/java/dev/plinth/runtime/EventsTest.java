package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTest {
    @TempDir
    Path dir;

    @Test
    void loadsAndUnloadsAreRecordedAsJfrEvents() throws Exception {
        Fixtures.filterPlugin("flight", "Flight", "return in;").writeTo(dir.resolve("plugins"));
        Path file = dir.resolve("plinth.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.plinth.PluginEvent");
            recording.start();
            try (PluginHost host = Fixtures.host(dir.resolve("plugins")).build()) {
                host.start();
                host.unload("flight");
            }
            recording.stop();
            recording.dump(file);
        }

        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("dev.plinth.PluginEvent"))
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime)).toList(); // threads' buffers
        assertThat(events).extracting(e -> e.getString("type"), e -> e.getString("pluginId"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LOADED", "flight"),
                        org.assertj.core.groups.Tuple.tuple("UNLOADED", "flight"));
        assertThat(events.get(1).getBoolean("collected")).isTrue();
        assertThat(events.get(0).getString("sha256")).hasSize(64);
    }

    @Test
    void mbeanRegisteredByThePluginIsUnregisteredAndNamed() throws Exception {
        TestJar.named("metered").plugin("metered", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.metered.CounterMBean", "package com.acme.metered;\n"
                        + "public interface CounterMBean { int getCount(); }\n")
                .source("com.acme.metered.Counter", "package com.acme.metered;\n"
                        + "public class Counter implements CounterMBean, dev.plinth.api.Plugin {\n"
                        + "    public int getCount() { return 1; }\n"
                        + "    public void start(dev.plinth.api.PluginContext c) throws Exception {\n"
                        + "        java.lang.management.ManagementFactory.getPlatformMBeanServer().registerMBean(\n"
                        + "            new Counter(), new javax.management.ObjectName(\"com.acme:type=Counter\"));\n"
                        + "    }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", "com.acme.metered.Counter").writeTo(dir);
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            UnloadReport report = host.unload("metered");

            assertThat(report.findings()).extracting(Finding::code, Finding::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.LOADER_LEAK, "MBean com.acme:type=Counter"
                            + " registered by the plugin pinned its class loader; unregistered"));
            assertThat(report.collected()).isTrue();
            assertThat(java.lang.management.ManagementFactory.getPlatformMBeanServer()
                    .isRegistered(new javax.management.ObjectName("com.acme:type=Counter"))).isFalse();
        }
    }
}
