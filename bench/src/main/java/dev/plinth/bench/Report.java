package dev.plinth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's results: the table printed on the console, and {@code docs/benchmarks.md} with the table, the machine,
 * the method and the figures behind each row. The document's {@code ## Remote calls} section belongs to the remote
 * module's harness: it is kept as found.
 */
record Report(Main.Config config, Machine machine, String loadBefore, String loadAfter, double seconds,
              List<Row> rows, CallScenario.Results calls, LoadScenario.Results load, Map<String, String> verify,
              Map<String, String> reload) {
    static final String REMOTE_HEADING = "## Remote calls";
    static final String REMOTE_DEFAULT = REMOTE_HEADING + "\n\nMeasured by the remote module's harness; see below.\n";

    /** The results table, Markdown, one row per measure. */
    String table() {
        StringBuilder b = new StringBuilder("| Measure | Plinth | Peer or limit | Ratio | Target | Verdict |\n")
                .append("|---|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(String.join(" | ", r.measure(), r.plinth(), r.peer(), r.ratio(), r.target(),
                    r.verdict().equals("MISSED") ? "**MISSED**" : r.verdict())).append(" |\n");
        }
        return b.toString();
    }

    /** Writes the document, keeping whatever is under {@code ## Remote calls} in the existing one. */
    void write(Path docs) throws IOException {
        String remote = REMOTE_DEFAULT;
        if (Files.exists(docs)) {
            String old = Files.readString(docs, StandardCharsets.UTF_8);
            int at = old.indexOf("\n" + REMOTE_HEADING);
            if (at >= 0) {
                remote = old.substring(at + 1);
            }
        }
        if (docs.toAbsolutePath().getParent() != null) {
            Files.createDirectories(docs.toAbsolutePath().getParent());
        }
        Files.writeString(docs, document() + "\n" + remote, StandardCharsets.UTF_8);
    }

    String document() {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n")
                .append("Plinth side by side with PF4J ").append(org.pf4j.PluginManager.class.getPackage()
                        .getImplementationVersion() == null ? "3.x" : org.pf4j.PluginManager.class.getPackage()
                        .getImplementationVersion())
                .append(" and with the physical limits. Written by `bench/run`; rerun it rather than editing the"
                        + " figures.\n\n")
                .append("- Command: `").append(config.command()).append("` (from the repository root)")
                .append(config.quick() ? " — **quick mode: tiny sizes, figures meaningless**" : "").append('\n')
                .append("- Machine: ").append(machine.cores()).append(" cores (`nproc`), ").append(machine.memory())
                .append(" memory, ").append(machine.cpu()).append('\n')
                .append("- Date: ").append(machine.date()).append("; the suite took ")
                .append(String.format(Locale.ROOT, "%.1f", seconds / 60)).append(" min\n")
                .append("- Load average (1/5/15 min) before: ").append(loadBefore).append("; after: ")
                .append(loadAfter).append(shared()).append("\n- JDK (`java -version`):\n\n```\n")
                .append(machine.jdk()).append("\n```\n\n## Results\n\n").append(table()).append('\n')
                .append("Ratio = Plinth ÷ peer (for throughput rows, Plinth ÷ target). \"MISSED\" rows are explained"
                        + " in their section below.\n\n");
        Sections.calls(b, calls);
        Sections.load(b, load);
        Sections.verify(b, verify, config.verifyJars());
        Sections.reload(b, reload);
        return b.toString();
    }

    private String shared() {
        double worst = Math.max(first(loadBefore), first(loadAfter));
        return worst > machine.cores() * 0.5 ? ". **The machine was busy** (1-minute load above half the cores,"
                + " from other work or from the harness's own forked JVMs): absolute figures carry that noise, ratios"
                + " within one JMH fork or one child JVM less so." : "";
    }

    private static double first(String load) {
        try {
            return Double.parseDouble(load.split(" ")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
