package dev.plinth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.fixture.api.Filter;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PlinthTest(classes = "target/testkit-fixtures/upper", pluginId = "upper", sharedPackages = "com.acme.fixture.api",
        configuration = "suffix=?")
class PlinthTestAnnotationTest {
    @BeforeAll
    static void compilePlugin() throws IOException {
        Fixtures.upper();
    }

    @Test
    void injectsThePluginUnderTest(Plinth plinth) {
        assertThat(plinth.findings()).isEmpty();
        assertThat(plinth.pluginId()).isEqualTo("upper");
        assertThat(plinth.extension(Filter.class).apply("a")).isEqualTo("A?");
    }
}
