package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.acme.api.Filter;
import com.acme.lib.Gate;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    @Test
    void illegalStateExceptionFromStartEndsFailedWithAStartFailedFinding() throws Exception {
        TestJar.named("strict").plugin("strict", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.strict.Strict", "package com.acme.strict;\n"
                        + "public class Strict implements dev.plinth.api.Plugin {\n"
                        + "    public void start(dev.plinth.api.PluginContext c) {\n"
                        + "        throw new IllegalStateException(\"not configured\");\n"
                        + "    }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", "com.acme.strict.Strict").writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            PluginInfo info = host.plugin("strict").orElseThrow();
            assertThat(info.state()).isEqualTo(PluginState.FAILED);
            assertThat(info.findings()).extracting(Finding::code, Finding::message).containsExactly(tuple(
                    FindingCode.START_FAILED, "com.acme.strict.Strict.start(PluginContext): threw"
                            + " java.lang.IllegalStateException: not configured"));
            assertThat(info.failureCause()).get().hasToString("java.lang.IllegalStateException: not configured");
        }
    }

    @Test
    void throwableOfAnyTypeFromStartEndsFailedWithAFinding() throws Exception {
        TestJar.named("odd").plugin("odd", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.odd.Odd", "package com.acme.odd;\n"
                        + "public class Odd implements dev.plinth.api.Plugin {\n"
                        + "    static final class Weird extends Throwable {\n"
                        + "        Weird(String m) { super(m); }\n"
                        + "    }\n"
                        + "    public void start(dev.plinth.api.PluginContext c) {\n"
                        + "        Odd.<RuntimeException>sneaky(new Weird(\"neither exception nor error\"));\n"
                        + "    }\n"
                        + "    @SuppressWarnings(\"unchecked\")\n"
                        + "    static <T extends Throwable> void sneaky(Throwable t) throws T { throw (T) t; }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", "com.acme.odd.Odd").writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            PluginInfo info = host.plugin("odd").orElseThrow();
            assertThat(info.state()).isEqualTo(PluginState.FAILED);
            assertThat(info.findings()).extracting(Finding::code, Finding::message).containsExactly(tuple(
                    FindingCode.START_FAILED, "com.acme.odd.Odd.start(PluginContext): threw"
                            + " com.acme.odd.Odd$Weird: neither exception nor error"));
        }
    }

    @Test
    void providerReturningNullFailsThePluginInsteadOfServingNothing() throws Exception {
        TestJar.named("empty").plugin("empty", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.empty.Empty", "package com.acme.empty;\n"
                        + "public class Empty implements com.acme.api.Filter {\n"
                        + "    public static com.acme.api.Filter provider() { return null; }\n"
                        + "    public String apply(String in) { return in; }\n"
                        + "}\n")
                .service(Fixtures.FILTER, "com.acme.empty.Empty").writeTo(dir);
        Fixtures.filterPlugin("good", "Good", "return \"ok\";").writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            PluginInfo info = host.plugin("empty").orElseThrow();
            assertThat(info.state()).isEqualTo(PluginState.FAILED);
            assertThat(info.findings()).extracting(Finding::code, Finding::message).containsExactly(tuple(
                    FindingCode.ENTRY_POINT, "com.acme.api.Filter: provider com.acme.empty.Empty.provider()"
                            + " returned null"));
            assertThat(host.extensions(Filter.class)).extracting(f -> f.apply("")).containsExactly("ok");
        }
    }

    @Test
    void aProviderMethodDeclaredByTheProviderOrInheritedFromItsSuperclassIsUsedWithOrWithoutVerification()
            throws Exception {
        TestJar.named("own").plugin("own", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.own.Own", "package com.acme.own;\n"
                        + "public class Own implements com.acme.api.Filter {\n"
                        + "    private final String made;\n"
                        + "    public Own() { this(\"by constructor\"); }\n"
                        + "    private Own(String made) { this.made = made; }\n"
                        + "    public static com.acme.api.Filter provider() { return new Own(\"own\"); }\n"
                        + "    public String apply(String in) { return made; }\n"
                        + "}\n")
                .service(Fixtures.FILTER, "com.acme.own.Own").writeTo(dir);
        TestJar.named("inherited").plugin("inherited", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.inherited.Base", "package com.acme.inherited;\n"
                        + "public abstract class Base {\n"
                        + "    public static com.acme.api.Filter provider() { return in -> \"inherited\"; }\n"
                        + "}\n")
                .source("com.acme.inherited.Child", "package com.acme.inherited;\n"
                        + "public class Child extends Base implements com.acme.api.Filter {\n"
                        + "    public String apply(String in) { return \"by constructor\"; }\n"
                        + "}\n")
                .service(Fixtures.FILTER, "com.acme.inherited.Child").writeTo(dir);

        for (boolean verified : new boolean[] {true, false}) {
            try (PluginHost host = Fixtures.host(dir).verification(verified).build()) {
                host.start();

                assertThat(host.extensions(Filter.class)).extracting(f -> f.apply("")).as("verified: %s", verified)
                        .containsExactlyInAnyOrder("inherited", "own");
            }
        }
    }

    @Test
    void activationThatThrowsEndsFailedWithAFindingAndNothingIsServed() throws Exception {
        Path jar = Fixtures.filterPlugin("late", "Late", "return in;").writeTo(dir.resolve("plugins"));
        HostConfig config = Fixtures.host(dir.resolve("plugins")).workDirectory(dir.resolve("work")).config();
        HostApi api = HostApi.of(config.sharedPackages(), config.hostLoader());
        Lifecycle lifecycle = new Lifecycle(config, new PluginLoader(config, api,
                new ShadowStore(dir.resolve("work/shadow"), false), r -> null, type -> List.of()),
                new Events(List.of(), () -> false));
        PluginRecord record = new Discovery(config, Verifier.forHost(api)).planOne(jar);

        boolean started = lifecycle.startAndWait(record, next -> {
            throw new IllegalStateException("no room in the registry");
        });

        assertThat(started).isFalse();
        PluginInfo info = record.snapshot();
        assertThat(info.state()).isEqualTo(PluginState.FAILED);
        assertThat(info.findings()).extracting(Finding::code, Finding::message).containsExactly(tuple(
                FindingCode.START_FAILED, "late: could not be put into service: java.lang.IllegalStateException:"
                        + " no room in the registry"));
        assertThat(info.failureCause()).get().hasToString("java.lang.IllegalStateException: no room in the registry");
        assertThat(record.extensions).isEmpty();
    }

    @Test
    void startReturningJustAsItTimesOutNeverMakesTheHostThrow() throws Exception {
        // start() returns the moment the host has marked it FAILED for the time-out: while the host is still
        // finishing the time-out, the start thread finds it may not serve and drops the generation
        Path jar = TestJar.named("racer").plugin("racer", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.racer.Racer", "package com.acme.racer;\n"
                        + "public class Racer implements dev.plinth.api.Plugin {\n"
                        + "    public void start(dev.plinth.api.PluginContext c) {\n"
                        + "        while (!com.acme.lib.Gate.open.getAsBoolean()) { Thread.onSpinWait(); }\n"
                        + "    }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", "com.acme.racer.Racer").writeTo(dir.resolve("jars"));
        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).startTimeout(Duration.ofMillis(100)).build()) {
            Gate.open = () -> host.plugin("racer").map(PluginInfo::state).orElse(null) == PluginState.FAILED;
            host.start();
            for (int attempt = 0; attempt < 20; attempt++) {
                PluginInfo info = host.add(jar);

                assertThat(info.state()).isEqualTo(PluginState.FAILED);
                assertThat(info.findings()).extracting(Finding::code, Finding::fix).containsExactly(tuple(
                        FindingCode.INIT_TIMEOUT, "return from start promptly and run long work on"
                                + " PluginContext.executor(), or raise PluginHostBuilder.startTimeout"));
            }
        } finally {
            Gate.open = () -> true;
        }
    }

    private static long pluginThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("plugin-life-"))
                .filter(Thread::isAlive).count();
    }
}
