package dev.plinth.testkit;

import dev.plinth.runtime.ApiManifests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.fixture.api.Filter;
import dev.plinth.runtime.PluginState;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Severity;
import java.io.IOException;
import java.net.URLClassLoader;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FailingPluginTest {
    @RegisterExtension
    final PlinthExtension plinth = PlinthExtension.builder().classes(Fixtures.BROKEN).pluginId("broken")
            .sharedPackages("com.acme.fixture.api").build();

    @BeforeAll
    static void compilePlugin() throws IOException {
        Fixtures.broken();
    }

    @Test
    void aPluginTheHostRefusesIsFailedWithItsFindings() {
        assertThat(plinth.plugin().state()).isEqualTo(PluginState.FAILED);
        assertThat(plinth.problems()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.ENTRY_POINT);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("com.acme.broken.Hidden is not public");
        });
    }

    @Test
    void askingForItsExtensionFailsTheTestWithTheFindings() {
        assertThatThrownBy(() -> plinth.extension(Filter.class)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("broken: expected one com.acme.fixture.api.Filter extension, found 0\n"
                        + "broken@" + System.getProperty("project.version") + " FAILED\n  error[entry-point] broken: ");
    }

    @Test
    void sharedPackagesDefaultToThoseTheClassPathNames(@TempDir Path dir) throws IOException {
        Path api = TestJar.named("api").attribute(ApiManifests.SHARED_PACKAGES, "com.acme.api, com.acme.spi")
                .writeTo(dir);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {api.toUri().toURL()}, null)) {
            assertThat(ApiManifests.sharedPackages(loader)).containsExactly("com.acme.api", "com.acme.spi");
        }
    }
}
