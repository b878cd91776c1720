package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin owns an extension point; plugins that depend on it implement it; the owner finds them by its context. */
class PluginExtensionPointsTest {
    private static final String GREETER = "package com.acme.core; public interface Greeter { String greet(String s); }";
    private static final String STARTS = "package com.acme.core; public class Starts implements dev.plinth.api.Plugin {"
            + " static volatile dev.plinth.api.PluginContext context;"
            + " public void start(dev.plinth.api.PluginContext c) { context = c; } }";
    private static final String ALL = "package com.acme.core; public class All implements com.acme.api.Filter {"
            + " public String apply(String in) { return Starts.context.extensions(Greeter.class).stream()"
            + ".map(g -> g.greet(in)).collect(java.util.stream.Collectors.joining(\",\")); } }";

    @TempDir
    Path dir;
    private Path plugins;
    private Path coreClasses;

    @BeforeEach
    void core() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        coreClasses = TestJar.named("core-classes").source("com.acme.core.Greeter", GREETER)
                .writeClassesTo(dir.resolve("core-classes"));
        TestJar.named("core").plugin("core", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.core.Greeter", GREETER).source("com.acme.core.Starts", STARTS)
                .source("com.acme.core.All", ALL).service("dev.plinth.api.Plugin", "com.acme.core.Starts")
                .service(Fixtures.FILTER, "com.acme.core.All").writeTo(plugins);
    }

    private Path greeter(String id, String body) throws Exception {
        String cls = "com.acme." + id + ".Impl";
        Path[] cp = {Fixtures.compileClasspath()[0], Fixtures.compileClasspath()[1], coreClasses};
        return TestJar.named(id).plugin(id, "1.0.0").attribute("Plugin-Dependencies", "core").classpath(cp)
                .source(cls, "package com.acme." + id + "; public class Impl implements com.acme.core.Greeter {"
                        + " public String greet(String s) { " + body + " } }")
                .service("com.acme.core.Greeter", cls).writeTo(plugins);
    }

    @Test
    void theOwnerFindsTheImplementationsOfItsDependentsAndTheyFollowUnloadAndReload() throws Exception {
        greeter("polite", "return \"hello \" + s;");
        Path loud = greeter("loud", "return s.toUpperCase() + \"!\";");

        try (PluginHost host = Fixtures.host(plugins).build()) {
            host.start();
            assertThat(host.plugins()).allSatisfy(p -> assertThat(p.findings()).filteredOn(Finding::isError)
                    .as(p.id()).isEmpty());
            Filter all = host.extensions(Filter.class, "core").get(0);

            assertThat(all.apply("x")).as("by plugin id").isEqualTo("X!,hello x");
            host.unload("polite");
            assertThat(all.apply("x")).isEqualTo("X!");
            assertThat(host.reload("loud", loud).reloaded()).isTrue();
            assertThat(all.apply("y")).isEqualTo("Y!");
            assertThat(host.reload("core").reloaded()).as("takes loud along").isTrue();
            assertThat(all.apply("z")).isEqualTo("Z!");
        }
    }
}
