package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginState;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

class SymbolNotFoundTest {
    private final Outcome o = Scenarios.outcome(2);

    @Test
    void withoutPlinthServiceLoaderThrowsAndTheHostLoadsNothing() {
        assertThat(o.failure).isInstanceOf(ServiceConfigurationError.class)
                .hasMessage("com.acme.api.Filter: Provider com.acme.upper.UpperCaseFilter not found");
    }

    @Test
    void withPlinthTheTypoIsAnEntryPointErrorAndTheGoodPluginServes() {
        Doctor.Line line = o.doctor.first("entry-point").orElseThrow();
        assertThat(line.message()).isEqualTo("com.acme.api.Filter: provider com.acme.upper.UpperCaseFilter not found"
                + " in upper.jar");
        assertThat(line.fix()).contains("com.acme.upper.UppercaseFilter");
        assertThat(o.plugin("upper").state()).isEqualTo(PluginState.FAILED);
        assertThat(o.plugin("upper").findings()).extracting(Finding::code).contains(FindingCode.ENTRY_POINT);
        assertThat(o.good).isEqualTo("ok");
    }
}
