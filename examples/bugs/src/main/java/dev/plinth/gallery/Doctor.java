package dev.plinth.gallery;

import dev.plinth.cli.PlinthCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs {@code plinth doctor} (and {@code plinth lock}) in-process, as {@code bin/plinth} would; reads the findings. */
final class Doctor {
    private static final Pattern HEADER = Pattern.compile("^(error|warning|info)\\[([a-z-]+)]: (.*)$");

    private Doctor() {
    }

    /** {@code plinth doctor --shared-package com.acme.api --api <jar>... <paths>}, run from {@code cwd}. */
    static Report run(Path cwd, List<Path> api, List<Path> paths) {
        List<String> args = new ArrayList<>(List.of("doctor", "--shared-package", Workspace.API_PACKAGE));
        api.forEach(a -> args.addAll(List.of("--api", a.toString())));
        paths.forEach(p -> args.add(p.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new PlinthCommand(cwd, false)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args.toArray(String[]::new));
        return new Report(exit, out.toString(), err.toString(), parse(out.toString()));
    }

    /** {@code plinth lock DIR}: writes {@code DIR/plinth.lock}; returns the exit code. */
    static int lock(Path cwd, Path dir) {
        StringWriter out = new StringWriter();
        return new CommandLine(new PlinthCommand(cwd, false)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(out, true)).execute("lock", dir.toString());
    }

    private static List<Line> parse(String text) {
        List<Line> findings = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = HEADER.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String fix = "";
            for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank(); j++) {
                if (lines.get(j).startsWith("  = fix: ")) {
                    fix = lines.get(j).substring("  = fix: ".length());
                }
            }
            findings.add(new Line(m.group(1), m.group(2), m.group(3), fix, lines.get(i)));
        }
        return List.copyOf(findings);
    }

    /**
     * One doctor run.
     *
     * @param exitCode 0 ok, 1 error findings, 2 usage
     * @param out      the text report
     * @param err      standard error
     * @param findings every finding in report order
     */
    record Report(int exitCode, String out, String err, List<Line> findings) {
        /** The first finding with this code. */
        Optional<Line> first(String code) {
            return findings.stream().filter(f -> f.code().equals(code)).findFirst();
        }
    }

    /**
     * One finding as the text report prints it.
     *
     * @param severity {@code error}, {@code warning} or {@code info}
     * @param code     the finding code
     * @param message  the one-line message
     * @param fix      the fix line, or empty
     * @param header   the whole first line, {@code error[code]: message}
     */
    record Line(String severity, String code, String message, String fix, String header) {
    }
}
