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
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code plinth lock}: pins the plugin jars of a directory by id, version and SHA-256 in {@code plinth.lock}. */
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
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = parent.workingDirectory().resolve(directory).normalize();
        if (!Files.isDirectory(dir)) {
            err.println("plinth lock: " + dir + ": not a directory");
            err.flush();
            return ExitCodes.FINDINGS;
        }
        List<PluginArchive> archives = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dir)) {
            jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                    .forEach(p -> archives.add(PluginArchive.read(p)));
        }
        List<Finding> problems = new ArrayList<>();
        archives.stream().filter(PluginArchive::isUnreadable).forEach(a -> problems.addAll(a.findings()));
        problems.addAll(Verifier.crossCheck(archives));
        if (!problems.isEmpty()) {
            problems.forEach(f -> err.println("plinth lock: " + f));
            err.println("plinth lock: nothing written; fix the jars above first");
            err.flush();
            return ExitCodes.FINDINGS;
        }
        Lockfile lock = Lockfile.of(output == null ? dir.resolve("plinth.lock")
                : parent.workingDirectory().resolve(output), archives);
        lock.write();
        lock.entries().forEach(e -> out.println("  " + e.id() + " " + e.version() + " " + e.sha256() + " "
                + e.fileName()));
        out.println("wrote " + lock.path() + " (" + archives.size() + (archives.size() == 1 ? " plugin)"
                : " plugins)"));
        out.flush();
        return ExitCodes.OK;
    }
}
