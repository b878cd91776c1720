package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PluginHostBuilderTest {
    @Test
    void absurdTimeoutsAreRejectedNamingTheValue() {
        PluginHostBuilder builder = PluginHost.builder();

        assertThatThrownBy(() -> builder.startTimeout(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startTimeout must be between 1 ms and 1 h: PT2562047788015215H30M7S");
        assertThatThrownBy(() -> builder.stopTimeout(Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stopTimeout must be between 1 ms and 1 h: PT48H");
        assertThatThrownBy(() -> builder.leakCheckTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leakCheckTimeout must be between 1 ms and 1 h: PT0S");
        assertThatThrownBy(() -> builder.startTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startTimeout must be between 1 ms and 1 h: PT-1S");
    }

    @Test
    void aLeakReportWindowShorterThanTheLeakCheckIsRejected() {
        assertThatThrownBy(() -> PluginHost.builder().sharedPackages("com.acme.api")
                .leakCheckTimeout(Duration.ofSeconds(10)).leakReportAfter(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leakReportAfter (PT5S) is shorter than leakCheckTimeout (PT10S); set it at least as long");
    }

    @Test
    void nullConfigurationValueIsNamedWithItsKeyAndPlugin() {
        Map<String, String> values = new HashMap<>();
        values.put("url", "jdbc:h2:mem:");
        values.put("user", null);

        assertThatThrownBy(() -> PluginHost.builder().configuration("sink", values))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("configuration value for key 'user' of plugin 'sink' == null");
    }

    @Test
    void failedBuildLeavesNoTemporaryDirectoryBehind() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> before = plinthDirectories(tmp);

        assertThatThrownBy(() -> PluginHost.builder().sharedPackages("com.acme.").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shared package 'com.acme.' is not a package name");

        assertThat(plinthDirectories(tmp)).as("plinth-* directories in %s", tmp).isSubsetOf(before);
    }

    private static Set<Path> plinthDirectories(Path tmp) throws IOException {
        try (Stream<Path> all = Files.list(tmp)) {
            return all.filter(p -> p.getFileName().toString().startsWith("plinth-")).collect(Collectors.toSet());
        }
    }
}
