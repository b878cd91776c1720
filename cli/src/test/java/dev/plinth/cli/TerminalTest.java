package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTest {
    /** A JDK 22+ console on redirected output: it exists, but is no terminal. */
    public static final class RedirectedConsole {
        public boolean isTerminal() {
            return false;
        }
    }

    /** A JDK 22+ console on a terminal. */
    public static final class TerminalConsole {
        public boolean isTerminal() {
            return true;
        }
    }

    @Test
    void consoleOnRedirectedOutputGetsNoColour() {
        assertThat(Terminal.colour(new RedirectedConsole(), null)).isFalse();
    }

    @Test
    void terminalGetsColourUnlessNoColorIsSet() {
        assertThat(Terminal.colour(new TerminalConsole(), null)).isTrue();
        assertThat(Terminal.colour(new TerminalConsole(), "")).isTrue();
        assertThat(Terminal.colour(new TerminalConsole(), "1")).isFalse();
    }

    @Test
    void noConsoleGetsNoColourAndAConsoleBeforeJdk22IsATerminal() {
        assertThat(Terminal.colour(null, null)).isFalse();
        assertThat(Terminal.isTerminal(new Object())).isTrue();
    }
}
