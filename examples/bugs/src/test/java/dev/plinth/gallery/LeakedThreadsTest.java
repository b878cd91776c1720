package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Severity;
import org.junit.jupiter.api.Test;

class LeakedThreadsTest {
    private final Outcome o = Scenarios.outcome(13);

    @Test
    void withoutPlinthEveryCycleLeavesAThreadAndALoaderBehind() {
        assertThat(o.facts).containsEntry("naiveThreads", 3L).containsEntry("naiveCollected", 0L);
    }

    @Test
    void withPlinthTheDoctorHintsAndUnloadStopsNamesAndCollects() {
        assertThat(o.doctor.first("thread-leak").orElseThrow().message())
                .startsWith("com.acme.flush.BufferedFilter.<init>(): calls Thread.<init>(Runnable, String)"
                        + " (and 1 more");
        assertThat(o.unload.findings()).extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.THREAD_LEAK, Severity.WARNING));
        assertThat(o.unload.findings().get(0).message()).startsWith("thread 'acme-flusher' outlived the plugin"
                + " (ended when interrupted); it was at plugin:flusher@1.0.0//com.acme.flush.BufferedFilter");
        assertThat(o.unload.collected()).isTrue();
        assertThat(o.facts).containsEntry("threadsAfterPlinth", 0);
        assertThat(o.good).isEqualTo("ok");
    }
}
