package dev.plinth.verify;

import static dev.plinth.testjars.SampleSources.GREETING_V1;
import static dev.plinth.testjars.SampleSources.GREETING_V11;
import static dev.plinth.verify.Fixtures.FILTER_V1;
import static dev.plinth.verify.Fixtures.REQUEST_V1;
import static dev.plinth.verify.Fixtures.api;
import static dev.plinth.verify.Fixtures.host;
import static dev.plinth.verify.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dependent plugin is checked member by member against the version of its dependency that is deployed. */
class DependencyLinkageTest {
    private static final String GREETER = "package com.acme.greet; import com.acme.api.*;"
            + " public class Greeter implements Filter { public String apply(Request r) {"
            + " return com.acme.core.Greeting.shout(r.body()); } }";

    @TempDir
    Path dir;
    private Verifier verifier;
    private Path core11Classes;

    @BeforeEach
    void apiAndCore() throws Exception {
        Path api = api(dir.resolve("api"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter", FILTER_V1);
        verifier = Verifier.forHost(host(api));
        core11Classes = api(dir.resolve("core11"), "com.acme.core.Greeting", GREETING_V11);
    }

    private PluginArchive core(String version, String source) throws Exception {
        return PluginArchive.read(TestJar.named("core-" + version).plugin("core", version)
                .source("com.acme.core.Greeting", source).writeTo(dir));
    }

    private TestJar greeter() {
        return TestJar.named("greeter").plugin("greeter", "1.0.0").attribute("Plugin-Dependencies", "core@>=1.0.0")
                .classpath(dir.resolve("api"), core11Classes).source("com.acme.greet.Greeter", GREETER)
                .service("com.acme.api.Filter", "com.acme.greet.Greeter");
    }

    private static List<Finding> linkage(List<Finding> findings) {
        return only(findings, FindingCode.UNRESOLVED_REFERENCE);
    }

    @Test
    void aMemberMissingFromTheDeployedDependencyIsAnErrorNamingIt() throws Exception {
        PluginArchive greeter = PluginArchive.read(greeter().writeTo(dir));

        List<Finding> findings = linkage(verifier.verify(greeter, List.of(core("1.0.0", GREETING_V1))));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("com.acme.greet.Greeter.apply(com.acme.api.Request): calls"
                    + " com.acme.core.Greeting.shout(String) which com.acme.core.Greeting (in core 1.0.0) does not"
                    + " have");
            assertThat(f.fix()).isEqualTo("deploy the version of core the plugin was compiled against, or rebuild"
                    + " the plugin against core 1.0.0; narrow its Plugin-Dependencies range so this is caught as"
                    + " dependency-version");
        });
    }

    @Test
    void theDeployedDependencyThatHasTheMemberSatisfiesIt() throws Exception {
        PluginArchive greeter = PluginArchive.read(greeter().writeTo(dir));

        assertThat(verifier.verify(greeter, List.of(core("1.1.0", GREETING_V11)))).isEmpty();
        assertThat(linkage(verifier.verify(greeter))).extracting(Finding::message).containsExactly(
                "com.acme.greet.Greeter.apply(com.acme.api.Request): calls com.acme.core.Greeting.shout(String),"
                        + " but neither the plugin nor the host has com.acme.core.Greeting");
    }

    @Test
    void aBundledCopyOfADependencysClassIsNamedAndNotUsed() throws Exception {
        PluginArchive greeter = PluginArchive.read(greeter().source("com.acme.core.Greeting", GREETING_V11)
                .writeTo(dir));

        List<Finding> findings = verifier.verify(greeter, List.of(core("1.0.0", GREETING_V1)));

        assertThat(only(findings, FindingCode.DUPLICATE_CLASS)).extracting(Finding::severity, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "greeter.jar: bundles a class"
                        + " of its dependency core@1.0.0 (com.acme.core.Greeting); the dependency's are used"));
        assertThat(linkage(findings)).extracting(Finding::severity).containsExactly(Severity.ERROR);
    }
}
