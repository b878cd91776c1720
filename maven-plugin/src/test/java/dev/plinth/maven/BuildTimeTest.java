package dev.plinth.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BuildTimeTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:34:56.789Z");

    @Test
    void outputTimestampWinsInBothOfItsForms() {
        assertThat(BuildTime.of("2024-01-01T00:00:00Z", NOW)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(BuildTime.of("2024-01-01T02:00:00+02:00", NOW)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(BuildTime.of("1704067200", NOW)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void unsetMeansNowToTheSecond() {
        assertThat(BuildTime.of(null, NOW)).isEqualTo(Instant.parse("2025-06-01T12:34:56Z"));
        assertThat(BuildTime.of("a", NOW)).isEqualTo(Instant.parse("2025-06-01T12:34:56Z"));
        assertThat(BuildTime.isReproducible(null)).isFalse();
    }

    @Test
    void anUnparseableTimestampNamesTheExpectedForms() {
        assertThatThrownBy(() -> BuildTime.of("yesterday", NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("project.build.outputTimestamp 'yesterday': not epoch seconds nor an ISO-8601 date-time"
                        + " with offset, e.g. 2024-01-01T00:00:00Z");
    }

    @Test
    void reproducibleBuildsNameOnlyTheJavaFeatureRelease() {
        assertThat(BuildTime.jdk("1704067200")).isEqualTo(System.getProperty("java.specification.version"));
        assertThat(BuildTime.jdk(null)).startsWith(System.getProperty("java.version") + " (");
    }
}
