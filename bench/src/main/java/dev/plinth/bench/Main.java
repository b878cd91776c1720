package dev.plinth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark suite's entry point, run by {@code bench/run}: call overhead (JMH), load, verification
 * throughput, reload and memory per plugin, each side by side with PF4J or a physical limit; prints the table and
 * writes {@code docs/benchmarks.md}.
 *
 * <p>Options: {@code --quick} (tiny sizes, for the smoke test), {@code --docs FILE}, {@code --work DIR},
 * {@code --command TEXT} (the command line recorded in the document).
 */
public final class Main {
    private Main() {
    }

    /** Sizes and paths of one run. */
    record Config(boolean quick, Path work, Path docs, String command, Path repository) {
        int[] loadSizes() {
            return quick ? new int[] {3, 5} : new int[] {10, 100, 1000};
        }

        int loadRepeats() {
            return quick ? 1 : 3;
        }

        int reloadCycles() {
            return quick ? 5 : 1000;
        }

        int reloadWarmup() {
            return quick ? 1 : 10;
        }

        int verifyJars() {
            return quick ? 5 : 300;
        }

        int verifyThreads() {
            return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** Runs the suite; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path docs = Path.of("docs", "benchmarks.md");
        Path work = null;
        String command = "bench/run";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--docs" -> docs = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --quick, --docs FILE, --work DIR, --command TEXT");
            }
        }
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path dir = work != null ? work : Files.createTempDirectory("plinth-bench-");
        Report report = run(new Config(quick, dir.toAbsolutePath(), docs, command, repository));
        System.out.println();
        System.out.println(report.table());
        System.out.println("wrote " + docs.toAbsolutePath());
    }

    /** Runs every scenario and writes the document; returns the report. */
    static Report run(Config c) throws Exception {
        Files.createDirectories(c.work());
        String loadBefore = Machine.loadAverage();
        long began = System.nanoTime();
        step("call overhead (JMH" + (c.quick() ? ", quick, in-process" : ", 1 fork per benchmark") + ")");
        CallScenario.Results calls = CallScenario.run(c.work(), c.work().resolve("jmh.log"), c.quick());
        step("load and memory, N = " + java.util.Arrays.toString(c.loadSizes()) + ", a fresh JVM per run");
        LoadScenario.Results load = LoadScenario.run(c.work(), c.loadSizes(), c.loadRepeats());
        step("verification throughput, up to " + c.verifyJars() + " jars of " + c.repository());
        Map<String, String> verify = VerifyScenario.run(c.repository(), c.verifyJars(), c.verifyThreads());
        step("reload, " + c.reloadCycles() + " cycles under 2 calling threads");
        Map<String, String> reload = ReloadScenario.run(c.work(), c.reloadCycles(), c.reloadWarmup());
        List<Row> rows = new ArrayList<>(calls.rows());
        rows.addAll(load.rows());
        rows.addAll(VerifyScenario.rows(verify));
        rows.addAll(ReloadScenario.rows(reload));
        Report report = new Report(c, Machine.current(), loadBefore, Machine.loadAverage(),
                (System.nanoTime() - began) / 1e9, rows, calls, load, verify, reload);
        report.write(c.docs());
        return report;
    }

    private static void step(String what) {
        System.out.println("== " + what);
    }
}
