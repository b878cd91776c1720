package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginState;
import dev.plinth.runtime.ReloadReport;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.util.List;
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
    void withPlinthTheShadowCopyKeepsServingDriftIsReportedAndTheLockfilePinsTheBuild() {
        assertThat(o.facts).containsEntry("lockExit", 0).containsEntry("afterOverwrite", "two words (2 words)");
        assertThat(o.facts.get("loadedSha256")).isEqualTo(o.facts.get("v1Sha256"))
                .isNotEqualTo(o.facts.get("diskSha256"));
        @SuppressWarnings("unchecked")
        List<Finding> drift = (List<Finding>) o.facts.get("drift");
        assertThat(drift).extracting(Finding::code).containsExactly(FindingCode.JAR_CHANGED);
        assertThat(drift.get(0).message()).isEqualTo("count.jar: changed on disk since it was loaded (loaded sha256 "
                + o.facts.get("v1Sha256") + ", now sha256 " + o.facts.get("diskSha256")
                + "); the loaded version keeps serving");

        ReloadReport refused = (ReloadReport) o.facts.get("refused");
        assertThat(refused.reloaded()).isFalse();
        assertThat(refused.findings()).extracting(Finding::code).contains(FindingCode.LOCK_MISMATCH);
        assertThat(o.facts).containsEntry("afterRefused", "two words (2 words)");

        assertThat(o.reload.reloaded()).isTrue();
        assertThat(o.reload.toVersion()).isEqualTo("2.0.0");
        assertThat(o.facts).containsEntry("afterReload", "two words (2 words, 9 characters; count 2.0)");
        assertThat(o.plugin("count").sha256()).isEqualTo(o.facts.get("diskSha256"));
        assertThat(o.plugin("count").state()).isEqualTo(PluginState.STARTED);
        assertThat(o.good).isEqualTo("ok");
    }
}
