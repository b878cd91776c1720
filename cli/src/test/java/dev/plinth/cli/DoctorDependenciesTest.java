package dev.plinth.cli;

import static dev.plinth.testjars.SampleSources.GREETING_V1;
import static dev.plinth.testjars.SampleSources.GREETING_V11;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plinth doctor} over a set of plugins resolves their dependencies and checks dependents member by member. */
class DoctorDependenciesTest {
    @TempDir
    Path dir;
    private Path api;
    private Path plugins;
    private Path core11;

    @BeforeEach
    void apiAndCore() throws Exception {
        api = Fixtures.apiClasses(dir);
        plugins = java.nio.file.Files.createDirectories(dir.resolve("plugins"));
        core11 = TestJar.named("core11").source("com.acme.core.Greeting", GREETING_V11).writeClassesTo(
                dir.resolve("core11"));
    }

    private void core(String version, String source) throws Exception {
        TestJar.named("core").plugin("core", version).source("com.acme.core.Greeting", source).writeTo(plugins);
    }

    private void greeter(String dependencies) throws Exception {
        TestJar.named("greeter").plugin("greeter", "1.0.0").attribute("Plugin-Dependencies", dependencies)
                .classpath(api, core11)
                .source("com.acme.greet.Greeter", "package com.acme.greet; public class Greeter implements"
                        + " com.acme.api.Filter { public String apply(String s) {"
                        + " return com.acme.core.Greeting.shout(s); } }")
                .service(Fixtures.FILTER, "com.acme.greet.Greeter").writeTo(plugins);
    }

    private Cli.Result doctor(String... more) {
        String[] args = new String[more.length + 6];
        System.arraycopy(new String[] {"doctor", "--api", api.toString(), "--shared-package", Fixtures.API_PACKAGE},
                0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        args[args.length - 1] = plugins.toString();
        return Cli.run(dir, args);
    }

    @Test
    void aDependentOfAnOlderDependencyIsRefusedNamingTheMemberAndTheDependency() throws Exception {
        core("1.0.0", GREETING_V1);
        greeter("core@>=1.0.0");

        Cli.Result r = doctor();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("error[unresolved-reference]: com.acme.greet.Greeter.apply(String): calls"
                + " com.acme.core.Greeting.shout(String) which com.acme.core.Greeting (in core 1.0.0) does not have")
                .endsWith("2 plugins checked: 1 error, 0 warnings\n");
    }

    @Test
    void aDependentOfTheRightVersionPasses() throws Exception {
        core("1.1.0", GREETING_V11);
        greeter("core@^1.1");

        Cli.Result r = doctor();

        assertThat(r.out()).endsWith("2 plugins checked: 0 errors, 0 warnings\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aDependencyOutsideTheRangeAndAHostVersionOutsidePluginRequiresAreRefused() throws Exception {
        TestJar.named("core").plugin("core", "1.0.0").attribute("Plugin-Requires", "^2.0")
                .source("com.acme.core.Greeting", GREETING_V1).writeTo(plugins);
        greeter("core@^1.1");

        Cli.Result r = doctor("--host-version", "3.0.0");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("error[host-version]: core: Plugin-Requires ^2.0 excludes this host's version"
                + " 3.0.0", "error[dependency-version]: greeter: depends on core ^1.1, but core is 1.0.0 ("
                + plugins.resolve("core.jar") + ")");
    }

    @Test
    void aMalformedHostVersionIsAUsageError() {
        Cli.Result r = doctor("--host-version", "three");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("--host-version: 'three' is not a version (expected e.g. 1.2.0 or"
                + " 1.2.0-rc.1)");
    }

    @Test
    void aMissingDependencyAndACycleAreReported() throws Exception {
        greeter("core");
        TestJar.named("a").plugin("a", "1.0.0").attribute("Plugin-Dependencies", "b").writeTo(plugins);
        TestJar.named("b").plugin("b", "1.0.0").attribute("Plugin-Dependencies", "a").writeTo(plugins);

        Cli.Result r = doctor();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("error[dependency-missing]: greeter: depends on core, which is not among the"
                + " plugins", "error[dependency-cycle]: a: plugin dependencies form a cycle: a → b → a",
                "error[dependency-cycle]: b: plugin dependencies form a cycle: a → b → a");
    }
}
