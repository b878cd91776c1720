package dev.plinth.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Severity;
import dev.plinth.verify.Verifier;
import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFindingsTest {
    private static final String FILTER = "package com.acme.api; public interface Filter { String apply(String s); }";

    @TempDir
    Path dir;

    @Test
    void bundledHostApiIsAnErrorNamingEveryBundledClass() throws IOException {
        Path api = TestJar.named("api").source("com.acme.api.Filter", FILTER)
                .source("com.acme.api.Request", "package com.acme.api; public record Request(String body) { }")
                .writeTo(dir.resolve("api"));
        Path plugin = TestJar.named("upper").plugin("upper", "1.0").source("com.acme.api.Filter", FILTER)
                .source("com.acme.api.Request", "package com.acme.api; public record Request(String body) { }")
                .writeTo(dir);

        List<Finding> findings = verify(plugin, api);

        assertThat(findings).filteredOn(f -> f.code() == FindingCode.BUNDLED_HOST_API).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).isEqualTo("upper.jar: bundles 2 classes of host API package com.acme.api:"
                            + " com.acme.api.Filter, com.acme.api.Request; the host never loads them, and the jar may"
                            + " have been built against another API version");
                });
    }

    @Test
    void anUnlistedExtensionIsAnErrorThatNamesTheProcessor() throws IOException {
        Path api = TestJar.named("api").source("com.acme.api.Filter", FILTER).writeTo(dir.resolve("api"));
        Path plugin = TestJar.named("upper").plugin("upper", "1.0").classpath(api, Javac.plinthApi())
                .source("com.acme.Upper", "package com.acme; @dev.plinth.api.Extension public class Upper"
                        + " implements com.acme.api.Filter { public String apply(String s) { return s; } }")
                .writeTo(dir);

        List<Finding> findings = verify(plugin, api);

        assertThat(findings).filteredOn(f -> f.code() == FindingCode.ENTRY_POINT).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("com.acme.Upper: annotated @Extension but listed in no"
                    + " META-INF/services file");
            assertThat(f.fix()).endsWith("(Maven: add dev.plinth:plinth-processor to the annotationProcessorPaths of"
                    + " maven-compiler-plugin, and do not set -proc:none)");
        });
    }

    private static List<Finding> verify(Path plugin, Path api) {
        HostApi host = HostApi.of(List.of("com.acme.api"), List.of(api, Javac.plinthApi()));
        PluginArchive archive = PluginArchive.read(plugin);
        return BuildFindings.escalate(Verifier.forHost(host).verify(archive), archive, host);
    }
}
