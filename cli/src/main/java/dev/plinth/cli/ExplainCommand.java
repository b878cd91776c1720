package dev.plinth.cli;

import dev.plinth.verify.FindingCode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plinth explain}: the long form of a finding code, or a table of every code. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Prints what a finding code means, the Go plugin bug it mirrors and how to fix it.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "Print a table of every finding code.")
    boolean list;

    @Parameters(arity = "0..1", paramLabel = "<code>", description = "A finding code, e.g. entry-point.")
    String code;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list == (code != null)) {
            throw new ParameterException(spec.commandLine(), list ? "give either a code or --list, not both"
                    : "missing <code>: give a finding code such as entry-point, or --list for all of them");
        }
        if (list) {
            out.print(table());
            out.flush();
            return ExitCodes.OK;
        }
        Optional<FindingCode> found = FindingCode.byId(code.strip().toLowerCase(Locale.ROOT));
        if (found.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("plinth explain: unknown code '" + code + "'");
            FindingCode.closest(code.strip().toLowerCase(Locale.ROOT))
                    .ifPresent(c -> err.println("did you mean " + c.id() + "?"));
            err.println("known codes: " + byBug().stream().map(FindingCode::id)
                    .collect(Collectors.joining(", ")));
            err.flush();
            return ExitCodes.USAGE;
        }
        out.print(explain(found.get()));
        out.flush();
        return ExitCodes.OK;
    }

    static String explain(FindingCode code) {
        String body = code.explanation().strip();
        return code.id() + ": " + code.title() + "\n"
                + "mirrors Go plugin bug " + code.seedBug() + ": " + SeedBug.title(code.seedBug()) + "\n"
                + "severity " + code.severities().stream().map(dev.plinth.verify.Severity::label)
                        .collect(java.util.stream.Collectors.joining(", ")) + "; detected at "
                + String.join(", ", code.detectedAt()) + "\n\n"
                + body + "\n";
    }

    /** Every code ordered as a reader looks them up: by the Go bug it mirrors, then alphabetically. */
    static List<FindingCode> byBug() {
        return Arrays.stream(FindingCode.values())
                .sorted(Comparator.comparingInt(FindingCode::seedBug).thenComparing(FindingCode::id)).toList();
    }

    static String table() {
        int width = Arrays.stream(FindingCode.values()).mapToInt(c -> c.id().length()).max().orElse(4);
        StringBuilder out = new StringBuilder();
        String format = "%-" + width + "s  %3s  %s\n";
        out.append(String.format(Locale.ROOT, format, "CODE", "BUG", "TITLE"));
        for (FindingCode c : byBug()) {
            out.append(String.format(Locale.ROOT, format, c.id(), c.seedBug(), c.title()));
        }
        return out.toString();
    }
}
