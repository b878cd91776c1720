package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginState;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import org.junit.jupiter.api.Test;

class XIsNotXTest {
    private final Outcome o = Scenarios.outcome(3);

    @Test
    void withoutPlinthAChildFirstLoaderMakesFilterNotFilter() {
        assertThat(o.facts).containsEntry("parentFirst", "cba"); // parent-first hides the copy, silently
        assertThat(o.failure).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("class com.acme.fat.ReverseFilter cannot be cast to class com.acme.api.Filter")
                .hasMessageContaining("com.acme.api.Filter is in unnamed module of loader 'app'");
    }

    @Test
    void withPlinthTheBundledCopyIsReportedAndIgnoredSoThePluginWorks() {
        Doctor.Line line = o.doctor.first("bundled-host-api").orElseThrow();
        assertThat(line.severity()).isEqualTo("warning");
        assertThat(line.message()).isEqualTo("reverse.jar: bundles host API package com.acme.api"
                + " (com.acme.api.Filter); the host's classes are used instead");
        assertThat(o.plugin("reverse").state()).isEqualTo(PluginState.STARTED);
        assertThat(o.plugin("reverse").findings()).extracting(Finding::code).contains(FindingCode.BUNDLED_HOST_API);
        assertThat(o.facts).containsEntry("reverse", "cba");
        assertThat(o.good).isEqualTo("ok");
    }
}
