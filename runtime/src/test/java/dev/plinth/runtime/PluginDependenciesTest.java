package dev.plinth.runtime;

import static dev.plinth.testjars.SampleSources.GREETING_V1;
import static dev.plinth.testjars.SampleSources.GREETING_V11;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.api.Filter;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins that depend on plugins: resolved before loading, checked member by member, started in order. */
class PluginDependenciesTest {
    private static final String STARTS = "package com.acme.core; public class Starts implements"
            + " dev.plinth.api.Plugin { public void start(dev.plinth.api.PluginContext c) {"
            + " System.setProperty(\"plinth.test.order\", System.getProperty(\"plinth.test.order\", \"\") + \"%s \");"
            + " } }";

    @TempDir
    Path dir;
    private Path plugins;
    private Path core11;

    @BeforeEach
    void folders() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        core11 = TestJar.named("core11").source("com.acme.core.Greeting", GREETING_V11)
                .writeClassesTo(dir.resolve("core11"));
        System.clearProperty("plinth.test.order");
    }

    private void core(String version, String greeting) throws Exception {
        core(version, greeting, plugins);
    }

    private Path core(String version, String greeting, Path into) throws Exception {
        return TestJar.named("core").plugin("core", version).classpath(Fixtures.compileClasspath())
                .source("com.acme.core.Greeting", greeting).source("com.acme.core.Starts", STARTS.formatted("core"))
                .service("dev.plinth.api.Plugin", "com.acme.core.Starts").writeTo(into);
    }

    private void greeter(String dependencies) throws Exception {
        Path[] cp = {Fixtures.compileClasspath()[0], Fixtures.compileClasspath()[1], core11};
        TestJar.named("greeter").plugin("greeter", "1.0.0").attribute("Plugin-Dependencies", dependencies)
                .classpath(cp)
                .source("com.acme.greet.Greeter", "package com.acme.greet; public class Greeter implements"
                        + " com.acme.api.Filter { public String apply(String s) {"
                        + " return com.acme.core.Greeting.shout(s) + \" via \""
                        + " + com.acme.core.Greeting.class.getClassLoader().getName(); } }")
                .source("com.acme.greet.Starts", STARTS.replace("com.acme.core", "com.acme.greet")
                        .formatted("greeter"))
                .service(Fixtures.FILTER, "com.acme.greet.Greeter")
                .service("dev.plinth.api.Plugin", "com.acme.greet.Starts").writeTo(plugins);
    }

    private static List<String> errors(PluginInfo info) {
        return info.findings().stream().filter(Finding::isError).map(f -> f.code() + ": " + f.message()).toList();
    }

    @Test
    void aDependentSeesItsDependencysClassesAndStartsAfterIt() throws Exception {
        greeter("core@^1.1");
        core("1.1.0", GREETING_V11);

        try (PluginHost host = Fixtures.host(plugins).build()) {
            host.start();

            assertThat(host.plugins()).extracting(PluginInfo::id, PluginInfo::state).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("core", PluginState.STARTED),
                    org.assertj.core.groups.Tuple.tuple("greeter", PluginState.STARTED));
            assertThat(host.extensions(Filter.class)).singleElement()
                    .satisfies(f -> assertThat(f.apply("hi")).isEqualTo("HI! via plugin:core@1.1.0"));
            assertThat(System.getProperty("plinth.test.order")).isEqualTo("core greeter ");
            assertThatThrownBy(() -> host.unload("core")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("unload: plugin core has dependents that are started (greeter); unload them first");
            host.unload("greeter");
            host.unload("core");
        }
    }

    @Test
    void reloadingADependencyReloadsItsDependentsOntoItUnderCallingThreadsAndProvesBothOldLoadersCollected()
            throws Exception {
        greeter("core@^1.1");
        core("1.1.0", GREETING_V11);
        Path core12 = core("1.2.0", GREETING_V11, dir.resolve("core12"));
        List<PluginEvent> reloaded = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean calling = new AtomicBoolean(true);
        List<PluginEvent> leaks = new CopyOnWriteArrayList<>();
        try (PluginHost host = Fixtures.host(plugins).leakReportAfter(Duration.ofSeconds(30)).listener(e -> {
            if (e.type() == PluginEvent.Type.RELOADED) {
                reloaded.add(e);
            } else if (e.type() == PluginEvent.Type.LEAK) {
                leaks.add(e);
            }
        }).build()) {
            host.start();
            Filter greeter = host.extensions(Filter.class).get(0);
            List<Thread> callers = IntStream.range(0, 4).mapToObj(i -> new Thread(() -> {
                while (calling.get()) {
                    try {
                        String answer = greeter.apply("hi");
                        if (!answer.matches("HI! via plugin:core@1\\.[12]\\.0")) {
                            answers.add(answer);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            })).toList();
            callers.forEach(Thread::start);

            ReloadReport report = host.reload("core", core12);

            calling.set(false);
            for (Thread t : callers) {
                t.join(TimeUnit.SECONDS.toMillis(20));
            }
            assertThat(failures).isEmpty();
            assertThat(answers).as("wrong answers").isEmpty();
            assertThat(report.reloaded()).as("%s", report.findings()).isTrue();
            assertThat(greeter.apply("hi")).isEqualTo("HI! via plugin:core@1.2.0");
            assertThat(host.plugins()).extracting(PluginInfo::id, PluginInfo::version, PluginInfo::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("core", "1.2.0", PluginState.STARTED),
                            org.assertj.core.groups.Tuple.tuple("greeter", "1.0.0", PluginState.STARTED));
            assertThat(reloaded).extracting(e -> e.plugin().id()).containsExactly("greeter", "core");
            // collected within the leak check, or watched until collected: the watch ends only then or with a LEAK
            assertThat(reloaded).allSatisfy(e -> assertThat(e.unloadReport().orElseThrow())
                    .matches(u -> u.collected() || !u.collectionChecked(), "collected or still watched"));
            PerPluginLockingTest.await(() -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("plinth-collection-watch")), Duration.ofSeconds(60));
            assertThat(leaks).as("old generations proven collected").isEmpty();
        }
    }

    @Test
    void aDependencyReloadThatItsDependentCannotFollowLeavesBothOldGenerationsServing() throws Exception {
        greeter("core@^1.1");
        core("1.1.0", GREETING_V11);
        Path withoutShout = core("1.2.0", GREETING_V1, dir.resolve("core12"));
        try (PluginHost host = Fixtures.host(plugins).build()) {
            host.start();

            ReloadReport report = host.reload("core", withoutShout);

            assertThat(report.reloaded()).isFalse();
            assertThat(report.findings()).filteredOn(Finding::isError).extracting(Finding::message)
                    .singleElement().asString().startsWith("core: not reloaded because its dependent greeter could"
                            + " not be reloaded onto it: ").contains("shout");
            assertThat(host.extensions(Filter.class)).singleElement()
                    .satisfies(f -> assertThat(f.apply("hi")).isEqualTo("HI! via plugin:core@1.1.0"));
            assertThat(host.plugins()).extracting(PluginInfo::version).containsExactly("1.1.0", "1.0.0");
        }
    }

    @Test
    void aDependencyInRangeThatLacksAMemberIsRefusedBeforeAnyCodeRuns() throws Exception {
        greeter("core@>=1.0.0");
        core("1.0.0", GREETING_V1);

        try (PluginHost host = Fixtures.host(plugins).build()) {
            host.start();
            PluginInfo greeter = host.plugin("greeter").orElseThrow();

            assertThat(host.plugin("core").orElseThrow().state()).isEqualTo(PluginState.STARTED);
            assertThat(greeter.state()).isEqualTo(PluginState.FAILED);
            assertThat(errors(greeter)).containsExactly("unresolved-reference: com.acme.greet.Greeter.apply(String):"
                    + " calls com.acme.core.Greeting.shout(String) which com.acme.core.Greeting (in core 1.0.0) does"
                    + " not have");
            assertThat(System.getProperty("plinth.test.order")).isEqualTo("core ");
        }
    }

    @Test
    void thePlanSaysWhatLoadsInWhichOrderAndWhyNotBeforeAnyPluginCodeRuns() throws Exception {
        greeter("core@^1.1");
        core("1.1.0", GREETING_V11);
        Fixtures.filterPlugin("loner", "Loner", "return in;").writeTo(plugins);
        Fixtures.filterPlugin("needy", "Needy", "return in;").attribute("Plugin-Dependencies", "nope@>=2")
                .writeTo(plugins);

        try (PluginHost host = Fixtures.host(plugins).disable("loner").build()) {
            Plan plan = host.plan();

            assertThat(System.getProperty("plinth.test.order")).as("no start() ran").isNull();
            assertThat(plan.startOrder()).containsExactly(List.of("core"), List.of("greeter"));
            assertThat(plan.plugin("greeter").orElseThrow().dependencies()).containsExactly(
                    java.util.Map.entry("core", "1.1.0"));
            assertThat(plan.plugins()).extracting(e -> e.plugin().id(), Plan.Entry::loads, Plan.Entry::level)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("core", true, 0),
                            org.assertj.core.groups.Tuple.tuple("greeter", true, 1),
                            org.assertj.core.groups.Tuple.tuple("loner", false, -1),
                            org.assertj.core.groups.Tuple.tuple("needy", false, -1));
            assertThat(plan.toString()).isEqualTo(String.join(System.lineSeparator(),
                    "plan: 4 plugins, 2 load",
                    "  level 0  core@1.1.0  core.jar",
                    "  level 1  greeter@1.0.0  greeter.jar  needs core@1.1.0",
                    "  disabled  loner@1.0.0  loner.jar",
                    "  failed  needy@1.0.0  needy.jar",
                    "      error[dependency-missing] needy: needy: depends on nope >=2, which is not among the plugins"
                            + " (fix: add a jar with Plugin-Id: nope to the plugins, or mark the dependency optional"
                            + " ('nope?'))")); // as docs/runtime.md shows it
            assertThat(plan.plugin("needy").orElseThrow().plugin().findings().get(0).code())
                    .isEqualTo(FindingCode.DEPENDENCY_MISSING);

            host.start();
            assertThat(host.plan()).as("the plan stays the value resolution made").isSameAs(plan);
            assertThat(System.getProperty("plinth.test.order")).isEqualTo("core greeter ");
        }
    }

    @Test
    void missingAndFailedDependenciesRefuseTheirDependentsButOptionalOnesMayBeAbsent() throws Exception {
        greeter("core");
        Fixtures.filterPlugin("loner", "Loner", "return in;").attribute("Plugin-Dependencies", "audit?")
                .writeTo(plugins);

        try (PluginHost host = Fixtures.host(plugins).hostVersion("1.0.0").build()) {
            host.start();

            assertThat(errors(host.plugin("greeter").orElseThrow())).containsExactly("dependency-missing: greeter:"
                    + " depends on core, which is not among the plugins", "unresolved-reference:"
                    + " com.acme.greet.Greeter.apply(String): calls com.acme.core.Greeting.shout(String), but neither"
                    + " the plugin nor the host has com.acme.core.Greeting");
            assertThat(host.plugin("loner").orElseThrow().state()).isEqualTo(PluginState.STARTED);
        }
    }

    @Test
    void aDependencyThatFailsToStartFailsItsDependentWithoutRunningIt() throws Exception {
        greeter("core");
        TestJar.named("core").plugin("core", "1.1.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.core.Greeting", GREETING_V11)
                .source("com.acme.core.Starts", "package com.acme.core; public class Starts implements"
                        + " dev.plinth.api.Plugin { public void start(dev.plinth.api.PluginContext c) {"
                        + " throw new IllegalStateException(\"no database\"); } }")
                .service("dev.plinth.api.Plugin", "com.acme.core.Starts").writeTo(plugins);

        try (PluginHost host = Fixtures.host(plugins).build()) {
            host.start();

            assertThat(host.plugin("core").orElseThrow().state()).isEqualTo(PluginState.FAILED);
            assertThat(errors(host.plugin("greeter").orElseThrow())).containsExactly("dependency-missing: greeter:"
                    + " depends on core, which did not start (FAILED)");
            assertThat(System.getProperty("plinth.test.order")).isNull();
        }
    }

    @Test
    void pluginRequiresIsCheckedAgainstTheHostVersion() throws Exception {
        Fixtures.filterPlugin("modern", "Modern", "return in;").attribute("Plugin-Requires", "^2.0")
                .writeTo(plugins);

        try (PluginHost host = Fixtures.host(plugins).hostVersion("1.4.0").build()) {
            host.start();

            assertThat(host.plugin("modern").orElseThrow().findings()).extracting(Finding::code)
                    .contains(FindingCode.HOST_VERSION);
            assertThat(host.plugin("modern").orElseThrow().state()).isEqualTo(PluginState.FAILED);
        }
        assertThatThrownBy(() -> Fixtures.host(plugins).hostVersion("one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'one' is not a version");
    }

    @Test
    void aDisabledPluginIsReportedNotLoadedAndItsDependentsAreRefused() throws Exception {
        greeter("core");
        core("1.1.0", GREETING_V11);

        try (PluginHost host = Fixtures.host(plugins).disable("core").build()) {
            host.start();

            assertThat(host.plugin("core").orElseThrow().state()).isEqualTo(PluginState.DISABLED);
            assertThat(errors(host.plugin("greeter").orElseThrow())).containsExactly("dependency-missing: greeter:"
                    + " depends on core, which cannot load (core is disabled by the host)");
            assertThat(System.getProperty("plinth.test.order")).isNull();
        }
    }

    @Test
    void pluginsAreDisabledAndEnabledAtRunTimeAndStayListed() throws Exception {
        greeter("core");
        core("1.1.0", GREETING_V11);
        Path loner = Fixtures.filterPlugin("loner", "Loner", "return \"loner:\" + in;").writeTo(plugins);

        try (PluginHost host = Fixtures.host(plugins).disable("core").build()) {
            host.start();
            Filter held = host.extensions(Filter.class, "loner").get(0);

            assertThatThrownBy(() -> host.enable("loner")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("enable: plugin loner is STARTED, not DISABLED");
            assertThat(host.disable("loner").state()).isEqualTo(PluginState.DISABLED);
            assertThat(host.extensions(Filter.class, "loner")).isEmpty();
            assertThatThrownBy(() -> held.apply("x")).isInstanceOf(PluginUnavailableException.class);
            assertThat(host.add(loner).state()).as("add leaves it disabled").isEqualTo(PluginState.DISABLED);
            assertThat(host.plugins()).extracting(PluginInfo::id).containsOnlyOnce("loner");

            assertThat(host.enable("loner").state()).isEqualTo(PluginState.STARTED);
            assertThat(host.extensions(Filter.class, "loner").get(0).apply("x")).isEqualTo("loner:x");

            assertThat(host.enable("core").state()).as("disabled by the builder").isEqualTo(PluginState.STARTED);
            assertThat(host.reload("greeter").reloaded()).isTrue();
            assertThatThrownBy(() -> host.disable("core")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("unload: plugin core has dependents that are started (greeter); unload them first");
            assertThat(host.plugin("core").orElseThrow().state()).isEqualTo(PluginState.STARTED);
        }
    }
}
