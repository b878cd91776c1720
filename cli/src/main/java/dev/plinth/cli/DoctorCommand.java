package dev.plinth.cli;

import dev.plinth.verify.DependencyGraph;
import dev.plinth.verify.Finding;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code plinth doctor}: reads plugin jars, verifies each against the host API and reports every finding. */
@Command(name = "doctor", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Checks plugin jars against a host API without running any plugin code.",
            "A directory stands for every *.jar directly in it (subdirectories are not searched); one file given"
                    + " twice is checked once. Relative paths resolve against the current directory and are printed"
                    + " absolute."})
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    PlinthCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--api", paramLabel = "<jar-or-dir>",
            description = {"Host API jar or class directory; repeat for several. The JDK is always included.",
                "Shares the packages its Plinth-Shared-Packages manifest attribute names; without that attribute,"
                        + " every package with a class in it, unless --shared-package is given."})
    List<Path> api = new ArrayList<>();

    @Option(names = "--shared-package", paramLabel = "<pkg>", split = ",",
            description = {"Package the host shares with plugins (subpackages included); repeat or separate with"
                    + " commas. Given, it replaces the packages derived from --api entries without"
                    + " Plinth-Shared-Packages.",
                "Required unless --api is given."})
    List<String> sharedPackages = new ArrayList<>();

    @Option(names = "--host-classpath", paramLabel = "<jar-or-dir>",
            description = {"The host's other libraries: plugin references resolve against them, but they are not"
                    + " shared (a plugin's own copy wins, as at run time). Repeat, or join entries with"
                    + " '${sys:path.separator}' as in -cp."})
    List<String> hostClasspath = new ArrayList<>();

    @Option(names = "--host-version", paramLabel = "<version>",
            description = {"The host's version: plugins whose Plugin-Requires range excludes it are refused.",
                "Without it, Plugin-Requires is not checked."})
    String hostVersion;

    @Option(names = "--format", paramLabel = "text|json|sarif", defaultValue = "text",
            converter = ReportFormat.Converter.class, description = "Report format (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE; standard output then gets only the summary line.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "error|warning|never", defaultValue = "error",
            converter = FailOn.Converter.class,
            description = "Lowest severity that makes the exit code 1 (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Parameters(arity = "1..*", paramLabel = "<jar-or-directory>", description = "Plugin jars or directories.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        Path workingDirectory = parent.workingDirectory();
        List<String> hostNotes = new ArrayList<>();
        HostSpec host;
        try {
            host = HostSpec.resolve(workingDirectory, api, sharedPackages, hostClasspath, hostNotes::add);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Path file = output == null ? null : OutputFile.check(spec.commandLine(), "--output", workingDirectory, output);
        PluginInputs inputs = PluginInputs.expand(workingDirectory, paths);
        PrintWriter err = spec.commandLine().getErr();
        hostNotes.forEach(err::println);
        inputs.notes().forEach(err::println);
        err.flush();
        if (hostVersion != null) {
            try {
                dev.plinth.verify.Version.parse(hostVersion);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--host-version: " + e.getMessage(), e);
            }
        }
        DoctorReport report = new DoctorReport(VersionProvider.version(), host, check(host, inputs, hostVersion));
        PrintWriter out = spec.commandLine().getOut();
        if (file == null) {
            out.print(format.render(report, parent.colour() && format == ReportFormat.TEXT));
        } else {
            try {
                Files.writeString(file, format.render(report, false), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("plinth doctor: cannot write the report to " + file + ": " + OutputFile.reason(e));
                err.flush();
                return ExitCodes.FINDINGS;
            }
            out.println(report.summaryLine() + " (report: " + file + ")");
        }
        out.flush();
        return failOn.exitCode(report);
    }

    /**
     * One report per input, in command-line order; no plugin code runs. The jars are read, their dependencies on
     * each other resolved ({@link DependencyGraph}), each verified against the host and the dependencies it
     * resolved to, and a plugin whose dependency cannot load is refused too, saying why.
     */
    private static List<PluginReport> check(HostSpec host, PluginInputs inputs, String hostVersion) {
        Verifier verifier = Verifier.forHost(host.api());
        List<PluginArchive> archives = new ArrayList<>();
        for (PluginInputs.Input input : inputs.inputs()) {
            if (input.unresolved() == null) {
                archives.add(PluginArchive.read(input.path()));
            }
        }
        DependencyGraph graph = DependencyGraph.resolve(archives, hostVersion);
        List<Finding> across = Verifier.crossCheck(archives);
        Map<Path, List<Finding>> byPath = new LinkedHashMap<>();
        Map<String, Finding> refused = new LinkedHashMap<>();
        for (PluginArchive archive : archives) {
            String id = archive.descriptor().id();
            List<Finding> findings = new ArrayList<>(graph.findings(id)); // the root cause first
            findings.addAll(verifier.verify(archive, graph.visible(id)));
            across.stream().filter(f -> f.location().file().equals(archive.path())).forEach(findings::add);
            findings.stream().filter(Finding::isError).findFirst().ifPresent(f -> refused.putIfAbsent(id, f));
            byPath.put(archive.path(), findings);
        }
        graph.refusedWith(refused).forEach((id, f) -> graph.plugin(id)
                .ifPresent(a -> byPath.get(a.path()).add(f)));
        List<PluginReport> reports = new ArrayList<>();
        int next = 0;
        for (PluginInputs.Input input : inputs.inputs()) {
            if (input.unresolved() != null) {
                reports.add(input.unresolved());
                continue;
            }
            PluginArchive archive = archives.get(next++);
            reports.add(new PluginReport(archive.descriptor().id(), archive.descriptor().version(), archive.path(),
                    archive.sha256(), byPath.get(archive.path())));
        }
        return reports;
    }
}
