package dev.plinth.cli;

/** The exit codes every subcommand returns; {@link PlinthCommand#main} passes them to {@code System.exit}. */
final class ExitCodes {
    /** Nothing at the failing severity was found. */
    static final int OK = 0;
    /** Findings at the failing severity, or the command could not do its job. */
    static final int FINDINGS = 1;
    /** The command line was wrong; picocli uses the same value for its own parse errors. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
