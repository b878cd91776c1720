package dev.plinth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.fixture.api.Filter;
import dev.plinth.runtime.PluginState;
import dev.plinth.runtime.ReloadReport;
import dev.plinth.runtime.UnloadReport;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlinthExtensionTest {
    @RegisterExtension
    final PlinthExtension plinth = PlinthExtension.builder().classes(Fixtures.UPPER).pluginId("upper")
            .sharedPackages("com.acme.fixture.api").configuration(Map.of("suffix", "!"))
            .host(b -> b.leakCheckTimeout(Duration.ofMillis(500))).build();

    @BeforeAll
    static void compilePlugin() throws IOException {
        Fixtures.upper();
    }

    @Test
    void loadsTheClassDirectoryAsAPluginInItsOwnClassLoader() {
        assertThat(plinth.problems()).isEmpty();
        assertThat(plinth.plugin().state()).isEqualTo(PluginState.STARTED);
        // the version of the project under test (this module's pom), as the packaged jar would carry it
        assertThat(plinth.plugin().loaderName()).isEqualTo("plugin:upper@" + System.getProperty("project.version"));
        assertThat(plinth.jar().getFileName()).hasToString("upper.jar");
        assertThat(plinth.extension(Filter.class).apply("abc")).isEqualTo("ABC!");
        assertThat(plinth.host().plugins()).hasSize(1);
    }

    @Test
    void pluginClassesDoNotComeFromTheTestsClassLoader() throws Exception {
        ClassLoader test = getClass().getClassLoader();
        assertThat(plinth.host().plugins().get(0).loaderName()).startsWith("plugin:");
        assertThat(test.getResource("com/acme/upper/Upper.class")).as("fixture is not on the test class path").isNull();
        assertThat(plinth.extensions(Filter.class)).hasSize(1);
    }

    @Test
    void reloadStartsANewGenerationThatServesTheSameHandles() {
        Filter filter = plinth.extension(Filter.class);

        ReloadReport report = plinth.reload();

        assertThat(report.reloaded()).as("%s", report.findings()).isTrue();
        assertThat(filter.apply("x")).isEqualTo("X!");
    }

    @Test
    void unloadStopsThePluginAndTakesItsExtensionsAway() {
        UnloadReport report = plinth.unload();

        // whether the loader was collected is the runtime's business: report.collected(), report.findings()
        assertThat(report.pluginId()).isEqualTo("upper");
        assertThat(report.collectionChecked()).isTrue();
        assertThat(plinth.extensions(Filter.class)).isEmpty();
    }
}
