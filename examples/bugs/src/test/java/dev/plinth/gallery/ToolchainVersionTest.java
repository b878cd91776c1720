package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginState;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import org.junit.jupiter.api.Test;

class ToolchainVersionTest {
    private final Outcome o = Scenarios.outcome(12);
    private final int feature = Runtime.version().feature();

    @Test
    void withoutPlinthDefiningTheClassThrowsUnsupportedClassVersionError() {
        assertThat(o.failure).isInstanceOf(UnsupportedClassVersionError.class)
                .hasMessageContaining("com/acme/next/NextFilter has been compiled by a more recent version")
                .hasMessageContaining("(class file version " + (feature + 45) + ".0)");
    }

    @Test
    void withPlinthTheClassVersionIsCheckedFromTheJarAndNamesBothJavaVersions() {
        assertThat(o.doctor.first("class-version").orElseThrow().message()).isEqualTo("com.acme.next.NextFilter:"
                + " class file " + (feature + 45) + " (Java " + (feature + 1) + "); this JVM (Java " + feature
                + ") reads up to " + (feature + 44));
        assertThat(o.plugin("next").state()).isEqualTo(PluginState.FAILED);
        assertThat(o.plugin("next").findings()).extracting(Finding::code).contains(FindingCode.CLASS_VERSION);
        assertThat(o.good).isEqualTo("ok");
    }

    @Test
    void capturedTextIsTheSameOnEveryJdk() {
        assertThat(ToolchainVersion.relative("class file 62 (Java 18); this JVM (Java 17) reads up to 61"))
                .isEqualTo(feature == 17 ? "class file <M+1> (Java <N+1>); this JVM (Java <N>) reads up to <M>"
                        : "class file 62 (Java 18); this JVM (Java 17) reads up to 61");
        assertThat(o.with).contains("<M+1>", "<N>");
    }
}
