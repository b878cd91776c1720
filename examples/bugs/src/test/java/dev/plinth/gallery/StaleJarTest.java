package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginState;
import dev.plinth.runtime.ReloadReport;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class StaleJarTest {
    private final Outcome o = Scenarios.outcome(7);

    @Test
    void withoutPlinthOverwritingTheOpenJarBreaksTheNextClassLoad() {
        assertThat(o.failure).isInstanceOf(NoClassDefFoundError.class).hasMessage("com/acme/count/Words")
                .hasRootCauseInstanceOf(ZipException.class);
    }

    @Test
    void withPlinthTheShadowCopyKeepsServingTheHashIsKnownAndReloadPicksUpTheNewJar() {
        assertThat(o.facts).containsEntry("afterOverwrite", "two words (2 words)");
        assertThat(o.facts.get("loadedSha256")).isEqualTo(o.facts.get("v1Sha256"))
                .isNotEqualTo(o.facts.get("diskSha256"));
        ReloadReport reload = (ReloadReport) o.facts.get("reload");
        assertThat(reload.reloaded()).isTrue();
        assertThat(reload.toVersion()).isEqualTo("2.0.0");
        assertThat(o.facts).containsEntry("afterReload", "two words (2 words, 9 characters; count 2.0)");
        assertThat(o.plugin("count").sha256()).isEqualTo(o.facts.get("diskSha256"));
        assertThat(o.plugin("count").path().isAbsolute()).isTrue();
        assertThat(o.plugin("count").state()).isEqualTo(PluginState.STARTED);
        assertThat(o.good).isEqualTo("ok");
    }
}
