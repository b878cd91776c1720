package dev.plinth.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code plinth} command line: {@code doctor} checks plugin jars against a host API before anything loads them,
 * {@code explain} prints what a finding code means, {@code lock} pins a plugin directory in {@code plinth.lock}.
 *
 * <p>Every subcommand returns an exit code instead of exiting: 0 when nothing at the failing severity was found,
 * 1 for findings or failures, 2 for usage errors. Only {@link #main} calls {@link System#exit}.
 */
@Command(name = "plinth", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {DoctorCommand.class, ExplainCommand.class, LockCommand.class, CommandLine.HelpCommand.class},
        description = "Checks JVM plugin jars for the classic dynamic-plugin bugs before a host loads them.",
        footer = {"", "Exit codes: 0 ok, 1 findings at the failing severity or a failure, 2 usage error."})
public final class PlinthCommand implements Callable<Integer> {
    private final Path workingDirectory;
    private final boolean colour;

    @Spec
    CommandSpec spec;

    /** A command resolving relative paths against the process's current directory, without colour. */
    public PlinthCommand() {
        this(Path.of("").toAbsolutePath(), false);
    }

    /**
     * A command resolving relative paths against {@code workingDirectory}.
     *
     * @param workingDirectory the directory relative paths on the command line resolve against
     * @param colour           whether text reports on standard output may use ANSI colours
     */
    public PlinthCommand(Path workingDirectory, boolean colour) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory == null")
                .toAbsolutePath().normalize();
        this.colour = colour;
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        boolean colour = Terminal.colour(System.console(), System.getenv("NO_COLOR"));
        System.exit(new CommandLine(new PlinthCommand(Path.of("").toAbsolutePath(), colour)).execute(args));
    }

    /** Without a subcommand there is nothing to do: print the usage and report a usage error. */
    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        commandLine.getErr().println("plinth: missing command");
        commandLine.usage(commandLine.getErr());
        return ExitCodes.USAGE;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    boolean colour() {
        return colour;
    }
}
