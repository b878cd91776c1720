package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginState;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import org.junit.jupiter.api.Test;

class ApiVersionSkewTest {
    private final Outcome o = Scenarios.outcome(1);

    @Test
    void withoutPlinthEveryJarLoadsAndTheFirstCallThrowsNoSuchMethodError() {
        assertThat(o.facts).containsEntry("naiveLoaded", 2);
        assertThat(o.failure).isInstanceOf(NoSuchMethodError.class)
                .hasMessageContaining("com.acme.api.Text.normalize(java.lang.String, java.util.Locale)");
    }

    @Test
    void withPlinthTheDoctorAndTheLoadNameTheMissingMemberAndTheGoodPluginServes() {
        Doctor.Line line = o.doctor.first("api-mismatch").orElseThrow();
        assertThat(line.severity()).isEqualTo("error");
        assertThat(line.message()).isEqualTo("com.acme.shout.ShoutFilter.apply(String): calls"
                + " com.acme.api.Text.normalize(String, java.util.Locale) which the host API does not have");
        assertThat(o.doctor.exitCode()).isEqualTo(1);
        assertThat(o.plugin("shout").state()).isEqualTo(PluginState.FAILED);
        assertThat(o.plugin("shout").findings()).extracting(Finding::code).contains(FindingCode.API_MISMATCH);
        assertThat(o.plugin("trim").state()).isEqualTo(PluginState.STARTED);
        assertThat(o.good).isEqualTo("ok");
    }
}
