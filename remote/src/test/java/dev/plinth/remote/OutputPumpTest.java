package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.remote.OutputPump.Level;
import org.junit.jupiter.api.Test;

/** A child's log lines keep their level on the host; other output is INFO (stdout) or WARN (stderr). */
class OutputPumpTest {
    @Test
    void linesWrittenByALoggerKeepTheirLevel() {
        assertThat(OutputPump.level("[plinth-unload-1] INFO dev.plinth.runtime.PluginHost - unloaded plugin", true))
                .isEqualTo(Level.INFO);
        assertThat(OutputPump.level("[main] ERROR com.acme.Sink - cannot connect", false)).isEqualTo(Level.ERROR);
        assertThat(OutputPump.level("12:00:00.123 [worker-2] DEBUG com.acme.Sink - flushed", true))
                .isEqualTo(Level.DEBUG);
        assertThat(OutputPump.level("2026-11-24T21:00:00.123Z WARN slow disk", false)).isEqualTo(Level.WARN);
        assertThat(OutputPump.level("TRACE entering", true)).isEqualTo(Level.TRACE);
    }

    @Test
    void otherLinesAreWarnOnStderrAndInfoOnStdout() {
        assertThat(OutputPump.level("Exception in thread \"main\" java.lang.IllegalStateException", true))
                .isEqualTo(Level.WARN);
        assertThat(OutputPump.level("\tat com.acme.Sink.run(Sink.java:12)", true)).isEqualTo(Level.WARN);
        assertThat(OutputPump.level("Total ERROR count: 0", false)).isEqualTo(Level.INFO);
        assertThat(OutputPump.level("INFORMATION follows", false)).isEqualTo(Level.INFO);
        assertThat(OutputPump.level("[main] INFORMAL note", true)).isEqualTo(Level.WARN);
        assertThat(OutputPump.level("hello from the plugin", false)).isEqualTo(Level.INFO);
    }
}
