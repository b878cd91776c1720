package dev.plinth.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesInJarTest {
    private static final String FILTER = "package com.acme.api; public interface Filter { String apply(String s); }";
    private static final String UPPER = "package com.acme.up; public class Upper implements com.acme.api.Filter {"
            + " public String apply(String s) { return s; } }";

    @TempDir
    Path dir;

    private Path resources(String providers) throws IOException {
        Path services = Files.createDirectories(dir.resolve("src/main/resources/META-INF/services"));
        Files.writeString(services.resolve("com.acme.api.Filter"), providers);
        return dir.resolve("src/main/resources");
    }

    private TestJar plugin() {
        return TestJar.named("up-1.0.0").plugin("up", "1.0.0").source("com.acme.api.Filter", FILTER)
                .source("com.acme.up.Upper", UPPER);
    }

    @Test
    void handWrittenServicesFileMissingFromTheJarIsAnError() throws IOException {
        Path source = resources("# providers\ncom.acme.up.Upper\n");
        PluginArchive jar = PluginArchive.read(plugin().writeTo(dir.resolve("target")));

        List<Finding> findings = ServicesInJar.check(jar, List.of(source, dir.resolve("target/classes")), dir);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.ENTRY_POINT);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("META-INF/services/com.acme.api.Filter:"
                    + " src/main/resources/META-INF/services/com.acme.api.Filter lists com.acme.up.Upper, but"
                    + " up-1.0.0.jar has no such file");
            assertThat(f.fix()).startsWith("rebuild with mvn clean package");
        });
    }

    @Test
    void providerMissingFromTheJarsCopyIsAnError() throws IOException {
        Path source = resources("com.acme.up.Upper\ncom.acme.up.Lower\n");
        PluginArchive jar = PluginArchive.read(plugin().service("com.acme.api.Filter", "com.acme.up.Upper")
                .writeTo(dir.resolve("target")));

        List<Finding> findings = ServicesInJar.check(jar, List.of(source), dir);

        assertThat(findings).extracting(Finding::message).containsExactly("META-INF/services/com.acme.api.Filter:"
                + " src/main/resources/META-INF/services/com.acme.api.Filter lists com.acme.up.Lower, but"
                + " up-1.0.0.jar's copy of the file does not");
    }

    @Test
    void jarWithEveryProviderHasNoFinding() throws IOException {
        Path source = resources("com.acme.up.Upper  # the one filter\n\n");
        PluginArchive jar = PluginArchive.read(plugin().service("com.acme.api.Filter", "com.acme.up.Upper")
                .writeTo(dir.resolve("target")));

        assertThat(ServicesInJar.check(jar, List.of(source), dir)).isEmpty();
    }
}
