package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.lib.Switch;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCloseTest {
    /** A stop() that ignores interrupts: each holds a closing worker for the stop time-out and the thread grace. */
    private static final String STUCK = "package com.acme.stuck;\n"
            + "public class Stuck implements dev.plinth.api.Plugin {\n"
            + "    public void start(dev.plinth.api.PluginContext c) { }\n"
            + "    public void stop() {\n"
            + "        while (!com.acme.lib.Switch.off) {\n"
            + "            try { Thread.sleep(20); } catch (InterruptedException ignored) { }\n"
            + "        }\n"
            + "    }\n"
            + "}\n";
    private static final String QUICK = "package com.acme.quick;\n"
            + "public class Quick implements dev.plinth.api.Plugin {\n"
            + "    public void start(dev.plinth.api.PluginContext c) { }\n"
            + "    public void stop() { }\n"
            + "}\n";

    @TempDir
    Path dir;

    @Test
    void closeReturnsOnlyWhenEveryPluginIsUnloadedOrGivenUpOnAndReported() throws Exception {
        // more slow plugins than close retires at once: the last ones start late, and must still be waited for
        Map<String, byte[]> stuck = classes("com.acme.stuck.Stuck", STUCK);
        Map<String, byte[]> quick = classes("com.acme.quick.Quick", QUICK);
        for (int i = 0; i < 16; i++) {
            plugin("stuck-" + i, stuck, "com.acme.stuck.Stuck").writeTo(dir);
        }
        for (int i = 0; i < 4; i++) {
            plugin("quick-" + i, quick, "com.acme.quick.Quick").writeTo(dir);
        }
        List<PluginEvent> unloaded = new CopyOnWriteArrayList<>();
        Switch.off = false;
        PluginHost host = Fixtures.host(dir).stopTimeout(Duration.ofMillis(200))
                .listener(e -> {
                    if (e.type() == PluginEvent.Type.UNLOADED) {
                        unloaded.add(e);
                    }
                }).build();
        try {
            host.start();
            assertThat(host.plugins()).extracting(PluginInfo::state).containsOnly(PluginState.STARTED).hasSize(20);

            host.close();

            assertThat(unloaded).as("UNLOADED events when close() returned").hasSize(20);
            assertThat(host.plugins()).extracting(PluginInfo::state).containsOnly(PluginState.UNLOADED);
            assertThat(host.plugins()).filteredOn(p -> p.id().startsWith("stuck-")).allSatisfy(p ->
                    assertThat(p.findings()).extracting(Finding::code, Finding::message).contains(
                            org.assertj.core.groups.Tuple.tuple(FindingCode.STOP_FAILED, "com.acme.stuck.Stuck:"
                                    + " stop() did not return within 200 ms; thread plinth-stop-" + p.id() + " is at "
                                    + p.loaderName() + "//com.acme.stuck.Stuck.stop(Stuck.java:6)")));
        } finally {
            Switch.off = true;
            host.close();
        }
    }

    @Test
    void unloadingStuckPastItsBoundIsGivenUpOnAndThePluginsQueuedBehindItStillStop() throws Exception {
        // the MBean's preDeregister runs when close unregisters what the plugin left: a step no time-out covers
        String hangs = "package com.acme.bean;\n"
                + "public class Bean\n"
                + "        implements BeanMBean, javax.management.MBeanRegistration, dev.plinth.api.Plugin {\n"
                + "    public int getCount() { return 1; }\n"
                + "    public void start(dev.plinth.api.PluginContext c) throws Exception {\n"
                + "        java.lang.management.ManagementFactory.getPlatformMBeanServer().registerMBean(new Bean(),\n"
                + "            new javax.management.ObjectName(\"com.acme:type=Bean,id=\" + c.pluginId()));\n"
                + "    }\n"
                + "    public javax.management.ObjectName preRegister(javax.management.MBeanServer s,\n"
                + "            javax.management.ObjectName n) { return n; }\n"
                + "    public void postRegister(Boolean done) { }\n"
                + "    public void preDeregister() throws Exception {\n"
                + "        while (!com.acme.lib.Switch.off) { Thread.sleep(20); }\n"
                + "    }\n"
                + "    public void postDeregister() { }\n"
                + "}\n";
        Map<String, byte[]> bean = TestJar.named("compile").classpath(Fixtures.compileClasspath())
                .source("com.acme.bean.BeanMBean", "package com.acme.bean;\n"
                        + "public interface BeanMBean { int getCount(); }\n")
                .source("com.acme.bean.Bean", hangs).compile();
        Map<String, byte[]> quick = classes("com.acme.quick.Quick", QUICK);
        for (int i = 0; i < 4; i++) {
            plugin("bean-" + i, bean, "com.acme.bean.Bean").writeTo(dir);
        }
        for (int i = 0; i < 2; i++) {
            plugin("quick-" + i, quick, "com.acme.quick.Quick").writeTo(dir);
        }
        Switch.off = false;
        PluginHost host = Fixtures.host(dir).stopTimeout(Duration.ofMillis(200)).build();
        try {
            host.start();

            host.close();

            assertThat(host.plugins()).filteredOn(p -> p.id().startsWith("quick-")).extracting(PluginInfo::state)
                    .containsOnly(PluginState.UNLOADED).hasSize(2);
            assertThat(host.plugins()).filteredOn(p -> p.id().startsWith("bean-")).hasSize(4).allSatisfy(p -> {
                assertThat(p.state()).isEqualTo(PluginState.STOPPING);
                Finding last = p.findings().get(p.findings().size() - 1);
                assertThat(last.code()).isEqualTo(FindingCode.STOP_FAILED);
                assertThat(last.message()).startsWith(p.id() + ": unloading did not finish within 3400 ms; given up on"
                        + " at close, thread plinth-unload-").contains(" is at " + p.loaderName()
                        + "//com.acme.bean.Bean.preDeregister(Bean.java:");
            });
        } finally {
            Switch.off = true;
            host.close();
        }
    }

    private static Map<String, byte[]> classes(String name, String source) {
        return TestJar.named("compile").classpath(Fixtures.compileClasspath()).source(name, source).compile();
    }

    private static TestJar plugin(String id, Map<String, byte[]> classes, String lifecycle) {
        TestJar jar = TestJar.named(id).plugin(id, "1.0.0").service("dev.plinth.api.Plugin", lifecycle);
        classes.forEach(jar::entry);
        return jar;
    }
}
