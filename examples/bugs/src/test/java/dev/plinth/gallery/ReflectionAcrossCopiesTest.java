package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginState;
import org.junit.jupiter.api.Test;

class ReflectionAcrossCopiesTest {
    private final Outcome o = Scenarios.outcome(10);

    @Test
    void withoutPlinthTheLibraryLooksInTheHostsContextLoaderAndFindsNothing() {
        assertThat(o.failure).isInstanceOf(IllegalStateException.class)
                .hasMessage("tinybind: cannot create com.acme.settings.Defaults")
                .hasCauseInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void withPlinthTheCallRunsWithThePluginsLoaderAsContextLoader() {
        assertThat(o.facts).containsEntry("settings", "settings> ok (context loader plugin:settings@1.0.0)");
        assertThat(o.doctor.exitCode()).isZero();
        assertThat(o.plugin("settings").state()).isEqualTo(PluginState.STARTED);
        assertThat(o.good).isEqualTo("ok");
    }
}
