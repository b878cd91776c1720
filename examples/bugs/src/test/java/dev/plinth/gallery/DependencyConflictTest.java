package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginState;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import org.junit.jupiter.api.Test;

class DependencyConflictTest {
    private final Outcome o = Scenarios.outcome(11);

    @Test
    void withoutPlinthParentFirstLoadingGivesThePluginTheHostsOlderLibrary() {
        assertThat(o.failure).isInstanceOf(NoSuchMethodError.class)
                .hasMessageContaining("org.minijson.Json.quote(java.lang.String, boolean)");
    }

    @Test
    void withPlinthThePluginGetsItsOwnVersionAndTheDoctorSaysTwoAreLive() {
        Doctor.Line line = o.doctor.first("duplicate-class").orElseThrow();
        assertThat(line.severity()).isEqualTo("info");
        assertThat(line.message()).contains("(org.minijson.Json); the plugin's copies are used (plugin-first)");
        assertThat(o.plugin("quote").findings()).extracting(Finding::code).contains(FindingCode.DUPLICATE_CLASS);
        assertThat(o.plugin("quote").state()).isEqualTo(PluginState.STARTED);
        assertThat(o.facts).containsEntry("quote", "\"h\\u00e9llo\"");
        assertThat(o.good).isEqualTo("ok");
    }
}
