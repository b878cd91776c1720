package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginState;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import org.junit.jupiter.api.Test;

class WrongPlatformTest {
    private final Outcome o = Scenarios.outcome(9);

    @Test
    void withoutPlinthSystemLoadOfTheMachOLibraryThrowsUnsatisfiedLinkError() {
        assertThat(o.failure).isInstanceOf(UnsatisfiedLinkError.class).hasMessageContaining("libfastcrc.so");
        assertThat(o.without).doesNotContain("/tmp");
    }

    @Test
    void withPlinthTheHeaderIsCheckedBeforeAnyCodeRuns() {
        Doctor.Line line = o.doctor.first("native-platform").orElseThrow();
        assertThat(line.severity()).isEqualTo("error");
        assertThat(line.message()).startsWith("native/libfastcrc.so: Mach-O arm64 library; this JVM runs on ");
        assertThat(o.plugin("crc").state()).isEqualTo(PluginState.FAILED);
        assertThat(o.plugin("crc").findings()).extracting(Finding::code).contains(FindingCode.NATIVE_PLATFORM);
        assertThat(o.good).isEqualTo("ok");
    }
}
