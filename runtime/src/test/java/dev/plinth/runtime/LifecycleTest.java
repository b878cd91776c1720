package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import dev.plinth.testjars.TestJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
    private static final String LIFE = "package com.acme.life;\n"
            + "import dev.plinth.api.*;\n"
            + "import java.nio.file.*;\n"
            + "public class Life implements Plugin, com.acme.api.Filter {\n"
            + "    static volatile String greeting = \"not started\";\n"
            + "    private PluginContext context;\n"
            + "    public void start(PluginContext c) throws Exception {\n"
            + "        context = c;\n"
            + "        greeting = c.configuration().get(\"greeting\") + \" from \" + c.pluginId() + \"@\""
            + " + c.pluginVersion();\n"
            + "        Files.writeString(c.dataDirectory().resolve(\"started\"), greeting);\n"
            + "        c.executor().submit(() -> { while (!c.isStopping()) { Thread.onSpinWait(); } });\n"
            + "        c.scheduler().scheduleAtFixedRate(() -> { }, 0, 1, java.util.concurrent.TimeUnit.HOURS);\n"
            + "    }\n"
            + "    public void stop() throws Exception {\n"
            + "        Files.writeString(context.dataDirectory().resolve(\"stopped\"), \"stopping=\""
            + " + context.isStopping());\n"
            + "    }\n"
            + "    public String apply(String in) { return greeting; }\n"
            + "}\n";

    @TempDir
    Path dir;

    @Test
    void startGetsContextAndStopRunsBeforeManagedThreadsAreShutDown() throws Exception {
        Path plugins = dir.resolve("plugins");
        Path data = dir.resolve("data");
        TestJar.named("life").plugin("life", "3.1.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.life.Life", LIFE)
                .service("dev.plinth.api.Plugin", "com.acme.life.Life")
                .service(Fixtures.FILTER, "com.acme.life.Life").writeTo(plugins);

        try (PluginHost host = Fixtures.host(plugins).dataDirectory(data)
                .configuration("life", Map.of("greeting", "hello")).build()) {
            host.start();

            assertThat(host.extensions(Filter.class).get(0).apply("")).isEqualTo("hello from life@3.1.0");
            assertThat(Files.readString(data.resolve("life/started"))).isEqualTo("hello from life@3.1.0");
            assertThat(pluginThreads()).isPositive();
        }

        assertThat(Files.readString(data.resolve("life/stopped"))).isEqualTo("stopping=true");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pluginThreads() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(pluginThreads()).as("managed threads left after close").isZero();
    }

    @Test
    void lifecycleAndExtensionInOneClassAreTwoInstancesLikeServiceLoader() throws Exception {
        TestJar.named("life").plugin("life", "3.1.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.life.Life", LIFE)
                .service("dev.plinth.api.Plugin", "com.acme.life.Life")
                .service(Fixtures.FILTER, "com.acme.life.Life").writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).configuration("life", Map.of("greeting", "hi")).build()) {
            host.start();

            // the static field is shared by both instances of the one class
            assertThat(host.extensions(Filter.class).get(0).apply("")).isEqualTo("hi from life@3.1.0");
        }
    }

    @Test
    void resolveVerifiesWithoutRunningPluginCode() throws Exception {
        TestJar.named("boom").plugin("boom", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.boom.Boom", "package com.acme.boom;\n"
                        + "public class Boom implements com.acme.api.Filter {\n"
                        + "    static { if (true) { throw new IllegalStateException(\"ran\"); } }\n"
                        + "    public String apply(String in) { return in; }\n"
                        + "}\n")
                .service(Fixtures.FILTER, "com.acme.boom.Boom").writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.resolve();

            PluginInfo plan = host.plugin("boom").orElseThrow();
            assertThat(plan.state()).isEqualTo(PluginState.RESOLVED);
            assertThat(plan.findings()).isEmpty();
            assertThat(plan.sha256()).hasSize(64);
            assertThat(plan.javaRelease()).isEqualTo(17);
            assertThat(plan.path()).isEqualTo(dir.resolve("boom.jar").toRealPath());
        }
    }

    private static long pluginThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("plugin-life-"))
                .filter(Thread::isAlive).count();
    }
}
