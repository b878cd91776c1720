package dev.plinth.cli;

import dev.plinth.verify.Finding;
import dev.plinth.verify.Lockfile;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code plinth lock}: pins the plugin jars of a directory by id, version and SHA-256 in {@code plinth.lock}.
 *
 * <p>The directory is read as {@code plinth doctor} reads one: every regular {@code *.jar} directly in it (a FIFO
 * or device named {@code *.jar} is never opened). A directory that does not exist, or a file given as DIR, is a usage
 * error (exit code 2); a directory without jars, a corrupt jar or two jars with one plugin id is an error (exit code
 * 1) and nothing is written, since a lockfile pinning nothing would make the host refuse every plugin.
 */
@Command(name = "lock", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Writes plinth.lock: id, version and sha256 of every *.jar in DIR.",
            "A host built with PluginHostBuilder.lockfile(...) then refuses any jar that does not match."})
final class LockCommand implements Callable<Integer> {
    @ParentCommand
    PlinthCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default DIR/plinth.lock).")
    Path output;

    @Parameters(index = "0", paramLabel = "DIR", description = "The plugin directory.")
    Path directory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path workingDirectory = parent.workingDirectory();
        Path dir = directory(workingDirectory);
        Path target = OutputFile.check(spec.commandLine(), "--output", workingDirectory,
                output == null ? dir.resolve("plinth.lock") : output);
        PluginInputs inputs = PluginInputs.expand(workingDirectory, List.of(dir));
        inputs.notes().forEach(err::println);
        List<Finding> problems = new ArrayList<>();
        List<PluginArchive> archives = new ArrayList<>();
        for (PluginInputs.Input input : inputs.inputs()) {
            if (input.unresolved() != null) {
                problems.addAll(input.unresolved().findings());
                continue;
            }
            PluginArchive archive = PluginArchive.read(input.path());
            archives.add(archive);
            if (archive.isUnreadable()) {
                problems.addAll(archive.findings());
            }
        }
        problems.addAll(Verifier.crossCheck(archives));
        if (!problems.isEmpty()) {
            problems.forEach(f -> err.println("plinth lock: " + f));
            err.println("plinth lock: nothing written; fix the jars above first");
            err.flush();
            return ExitCodes.FINDINGS;
        }
        Lockfile lock = Lockfile.of(target, archives);
        try {
            lock.write();
        } catch (IOException e) {
            err.println("plinth lock: cannot write " + target + ": " + OutputFile.reason(e));
            err.flush();
            return ExitCodes.FINDINGS;
        }
        lock.entries().forEach(e -> out.println("  " + e.id() + " " + e.version() + " " + e.sha256() + " "
                + e.fileName()));
        out.println("wrote " + lock.path() + " (" + archives.size() + (archives.size() == 1 ? " plugin)"
                : " plugins)"));
        out.flush();
        return ExitCodes.OK;
    }

    /** DIR, absolute; a usage error unless it is a directory. */
    private Path directory(Path workingDirectory) {
        Path dir = workingDirectory.resolve(directory).normalize();
        String resolved = directory.isAbsolute() ? "" : " (resolved against " + workingDirectory + ")";
        if (!Files.exists(dir)) {
            throw new ParameterException(spec.commandLine(), dir + ": no such directory" + resolved);
        }
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), dir + ": not a directory; pass the directory that holds"
                    + " the plugin jars");
        }
        return dir;
    }
}
