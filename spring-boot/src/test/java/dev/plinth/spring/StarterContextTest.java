package dev.plinth.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginState;
import dev.plinth.runtime.PluginUnavailableException;
import dev.plinth.spring.testapi.Greeter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The host in a real application context: started on refresh, live extension lists, events, closed on shutdown. */
class StarterContextTest {
    @TempDir
    Path tmp;

    private ConfigurableApplicationContext start(Path plugins, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "--plinth.plugins.directory=" + plugins;
        args[1] = "--plinth.shared-packages=" + Plugins.API;
        args[2] = "--plinth.start-timeout=20s";
        System.arraycopy(more, 0, args, 3, more.length);
        return new SpringApplicationBuilder(GreeterApp.class).web(WebApplicationType.NONE).run(args);
    }

    @Test
    void anInjectedExtensionsFollowsAddReloadAndUnloadWithoutARestart() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "a-hello", "1.0.0", "hello", 5);
        Plugins.greeter(plugins, "b-hi", "1.0.0", "hi", -1); // the lower ordinal comes first, whatever the id
        try (ConfigurableApplicationContext context = start(plugins)) {
            GreeterApp.Greetings greetings = context.getBean(GreeterApp.Greetings.class);
            PluginHost host = context.getBean(PluginHost.class);
            assertThat(greetings.of("Ada")).containsExactly("hi Ada", "hello Ada");

            host.add(Plugins.greeter(Files.createDirectories(tmp.resolve("later")), "c-hey", "1.0.0", "hey", 9));
            assertThat(greetings.of("Ada")).containsExactly("hi Ada", "hello Ada", "hey Ada");

            Path v2 = Plugins.greeter(Files.createDirectories(tmp.resolve("v2")), "a-hello", "2.0.0", "HELLO", 5);
            assertThat(host.reload("a-hello", v2).reloaded()).isTrue();
            assertThat(greetings.of("Ada")).containsExactly("hi Ada", "HELLO Ada", "hey Ada");

            host.unload("b-hi");
            assertThat(greetings.of("Ada")).containsExactly("HELLO Ada", "hey Ada");
            assertThat(greetings.greeters.of("c-hey")).hasSize(1);
            assertThat(greetings.greeters.type()).isEqualTo(Greeter.class);
        }
    }

    @Test
    void pluginEventsArriveAsApplicationEvents() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "a-hello", "1.0.0", "hello", 0);
        Plugins.failingToStart(plugins, "broken", "no database");
        GreeterApp.EventLog log;
        try (ConfigurableApplicationContext context = start(plugins)) {
            log = context.getBean(GreeterApp.EventLog.class);
            assertThat(log.summary()).containsExactlyInAnyOrder("LOADED a-hello@1.0.0", "FAILED broken@1.0.0");
            Path v2 = Plugins.greeter(Files.createDirectories(tmp.resolve("v2")), "a-hello", "2.0.0", "HELLO", 0);
            context.getBean(PluginHost.class).reload("a-hello", v2);
            assertThat(log.summary()).last().isEqualTo("RELOADED a-hello@2.0.0");
        }
        // closing the context closed the host: the plugin was unloaded while the context could still publish
        assertThat(log.summary()).last().isEqualTo("UNLOADED a-hello@2.0.0");
    }

    @Test
    void closingTheContextUnloadsThePluginsAndTheHandlesStopWorking() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "a-hello", "1.0.0", "hello", 0);
        Greeter kept;
        PluginHost host;
        try (ConfigurableApplicationContext context = start(plugins)) {
            host = context.getBean(PluginHost.class);
            kept = context.getBean(GreeterApp.Greetings.class).greeters.list().get(0);
            assertThat(kept.greet("Ada")).isEqualTo("hello Ada");
        }
        assertThatThrownBy(() -> kept.greet("Ada")).isInstanceOf(PluginUnavailableException.class);
        assertThat(host.plugins()).extracting(p -> p.state()).containsExactly(PluginState.UNLOADED);
    }

    @Test
    void pluginSettingsReachTheHost() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.configured(plugins, "a-configured");
        Plugins.greeter(plugins, "b-hi", "1.0.0", "hi", 0);
        try (ConfigurableApplicationContext context = start(plugins, "--plinth.disabled=b-hi",
                "--plinth.configuration.a-configured.greeting=hey")) {
            PluginHost host = context.getBean(PluginHost.class);
            assertThat(host.plugin("b-hi").orElseThrow().state()).isEqualTo(PluginState.DISABLED);
            assertThat(context.getBean(GreeterApp.Greetings.class).of("Ada")).containsExactly("hey Ada");
        }
    }

    @Test
    void withTheWatchOnAJarCopiedIntoTheDirectoryIsServed() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "a-hello", "1.0.0", "hello", 0);
        try (ConfigurableApplicationContext context = start(plugins, "--plinth.watch.enabled=true",
                "--plinth.watch.quiet-period=100ms")) {
            GreeterApp.Greetings greetings = context.getBean(GreeterApp.Greetings.class);
            Path built = Plugins.greeter(Files.createDirectories(tmp.resolve("build")), "b-hi", "1.0.0", "hi", 1);
            Path partial = plugins.resolve("b-hi.jar.part");
            Files.copy(built, partial);
            Files.move(partial, plugins.resolve("b-hi.jar"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (greetings.of("Ada").size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(greetings.of("Ada")).containsExactly("hello Ada", "hi Ada");
        }
    }

    @Test
    void aRelativePluginDirectoryResolvesAgainstTheWorkingDirectory() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "a-hello", "1.0.0", "hello", 0);
        Path relative = Path.of("").toAbsolutePath().relativize(plugins);
        assertThat(relative.toString()).startsWith("..");
        try (ConfigurableApplicationContext context = start(Path.of(relative.toString()))) {
            assertThat(context.getBean(GreeterApp.Greetings.class).of("Ada")).containsExactly("hello Ada");
        }
    }

    @Test
    void aHostOfTheApplicationsOwnReplacesTheStartersAndStillStartsWithTheContext() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "a-hello", "1.0.0", "hello", 0);
        OwnHostApp.plugins = plugins;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OwnHostApp.class, GreeterApp.class)
                .web(WebApplicationType.NONE).run()) {
            assertThat(context.getBeansOfType(PluginHost.class)).containsOnlyKeys("ownHost");
            assertThat(context.getBean(GreeterApp.Greetings.class).of("Ada")).containsExactly("hello Ada");
        }
    }

    /** Declares its own host, built by hand. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OwnHostApp {
        static Path plugins;

        @org.springframework.context.annotation.Bean
        PluginHost ownHost() {
            return PluginHost.builder().sharedPackages(Plugins.API).pluginDirectory(plugins)
                    .hostClassLoader(OwnHostApp.class.getClassLoader()).build();
        }
    }

    @Test
    void plinthEnabledFalseLeavesTheStarterOut() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoPluginsApp.class)
                .web(WebApplicationType.NONE).run("--plinth.enabled=false", "--plinth.plugins.directory=" + plugins)) {
            assertThat(context.getBeansOfType(PluginHost.class)).isEmpty();
        }
    }

    /** An application that does not inject extensions, so that it can run without the starter's beans. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration
    static class NoPluginsApp {
    }
}
