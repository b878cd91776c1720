package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginFailure;
import dev.plinth.runtime.PluginState;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.net.ConnectException;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

class InitPanickedTest {
    private final Outcome o = Scenarios.outcome(4);

    @Test
    void withoutPlinthTheStaticInitializerThrowsOutOfServiceLoaderAndTheHostDoesNotStart() {
        assertThat(o.failure).isInstanceOf(ServiceConfigurationError.class)
                .hasMessageContaining("Provider com.acme.sink.AuditFilter could not be instantiated")
                .hasCauseInstanceOf(ExceptionInInitializerError.class)
                .hasRootCauseInstanceOf(ConnectException.class);
    }

    @Test
    void withPlinthTheDoctorWarnsAndTheLoadContainsTheFailure() {
        assertThat(o.doctor.first("static-init-io").orElseThrow().message())
                .endsWith("java.net.Socket.<init>(String, int): static initializer does network I/O");
        assertThat(o.plugin("audit").state()).isEqualTo(PluginState.FAILED);
        assertThat(o.plugin("audit").findings()).extracting(Finding::code, Finding::message).contains(
                org.assertj.core.groups.Tuple.tuple(FindingCode.STATIC_INIT_FAILED, "com.acme.sink.AuditFilter:"
                        + " static initializer threw java.io.UncheckedIOException: audit service unreachable"));
        // a detached copy (PluginFailure): it names the original types but holds none of the plugin's classes
        assertThat(o.plugin("audit").failureCause()).get().extracting(Throwable::getCause)
                .isInstanceOf(PluginFailure.class)
                .matches(cause -> ((PluginFailure) cause).wasInstanceOf(ConnectException.class))
                .asString().startsWith("java.net.ConnectException: ");
        assertThat(o.good).isEqualTo("ok");
    }
}
