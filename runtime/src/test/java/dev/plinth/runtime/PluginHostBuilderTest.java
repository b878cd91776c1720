package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PluginHostBuilderTest {
    @Test
    void absurdTimeoutsAreRejectedNamingTheValue() {
        PluginHostBuilder builder = PluginHost.builder();

        assertThatThrownBy(() -> builder.startTimeout(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startTimeout must be between 1 ms and 1 h: PT2562047788015215H30M7S");
        assertThatThrownBy(() -> builder.stopTimeout(Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stopTimeout must be between 1 ms and 1 h: PT48H");
        assertThatThrownBy(() -> builder.leakCheckTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leakCheckTimeout must be between 1 ms and 1 h: PT0S");
        assertThatThrownBy(() -> builder.startTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startTimeout must be between 1 ms and 1 h: PT-1S");
    }
}
