package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import org.junit.jupiter.api.Test;

class NoReloadTest {
    private final Outcome o = Scenarios.outcome(8);

    @Test
    void withoutPlinthTheOldLoaderIsNeverCollected() {
        assertThat(o.facts).containsEntry("naiveAfterReload", "x #1 (metrics 2.0)")
                .containsEntry("naiveCollected", false);
    }

    @Test
    void withPlinthReloadIsAtomicAndTheUnloadReportNamesAndRemovesThePin() {
        assertThat(o.facts).containsEntry("before", "x #1 (metrics 1.0)").containsEntry("after", "x #1 (metrics 2.0)");
        assertThat(o.reload.reloaded()).isTrue();
        assertThat(o.unload.findings()).extracting(Finding::code).containsExactly(FindingCode.LOADER_LEAK);
        assertThat(o.unload.findings().get(0).message()).startsWith("shutdown hook 'metrics-flush'")
                .endsWith("registered by the plugin pinned its class loader; removed");
        assertThat(o.unload.collectionChecked()).isTrue();
        assertThat(o.unload.collected()).isTrue();
        assertThat(o.plugin("metrics").version()).isEqualTo("2.0.0");
        assertThat(o.good).isEqualTo("ok");
    }
}
