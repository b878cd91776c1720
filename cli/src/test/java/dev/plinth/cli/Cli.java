package dev.plinth.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs {@code plinth} in-process with captured standard output and error, like picocli's own ExecuteTest. */
final class Cli {
    private Cli() {
    }

    /** Runs with relative paths resolving against {@code workingDirectory}. */
    static Result run(Path workingDirectory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new PlinthCommand(workingDirectory, false))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Runs from the process's current directory. */
    static Result run(String... args) {
        return run(Path.of("").toAbsolutePath(), args);
    }

    /**
     * What one run produced.
     *
     * @param exitCode the value {@code main} would pass to {@code System.exit}
     * @param out      everything written to standard output
     * @param err      everything written to standard error
     */
    record Result(int exitCode, String out, String err) {
    }
}
