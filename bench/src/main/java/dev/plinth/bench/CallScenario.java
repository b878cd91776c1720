package dev.plinth.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link CallBenchmark} with JMH: every benchmark on G1 (the default collector) with the GC profiler, then the
 * trivial direct, TCCL-only and Plinth benchmarks again on the Parallel collector, whose card-marking write barrier
 * has no memory fence, to show what the TCCL switch costs on G1. Quick mode runs in-process (no fork), one 100 ms
 * iteration each, for the smoke test.
 */
final class CallScenario {
    static final double TARGET = 1.2;

    private CallScenario() {
    }

    /** Runs the benchmarks over jars written to {@code work}; {@code log} receives JMH's own output. */
    static Results run(Path work, Path log, boolean quick) throws Exception {
        Path jars = Peers.writeJars(work.resolve("call-jars"));
        List<String> jvm = List.of("-Xms512m", "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-D" + Peers.JARS_PROPERTY + "=" + jars);
        ChainedOptionsBuilder all = options(quick, log, jvm, ".*");
        if (!quick) {
            all.addProfiler(GCProfiler.class); // bytes allocated per call, to show the handle allocates nothing
        }
        Map<String, double[]> g1 = scores(all);
        List<String> parallel = new ArrayList<>(jvm);
        parallel.add("-XX:+UseParallelGC");
        Map<String, double[]> pgc = scores(options(quick, log.resolveSibling(log.getFileName() + ".parallel"),
                parallel, "(directTrivial|partsTcclOnly|plinthTrivial)"));
        return new Results(g1, pgc);
    }

    private static ChainedOptionsBuilder options(boolean quick, Path log, List<String> jvm, String methods) {
        ChainedOptionsBuilder b = new OptionsBuilder().include(CallBenchmark.class.getName() + "\\." + methods + "$")
                .shouldFailOnError(true).output(log.toString()).verbosity(VerboseMode.NORMAL)
                .jvmArgsAppend(jvm.toArray(String[]::new));
        if (quick) {
            jvm.stream().filter(a -> a.startsWith("-D")).map(a -> a.substring(2).split("=", 2))
                    .forEach(kv -> System.setProperty(kv[0], kv[1]));
            b.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        }
        return b;
    }

    /** Score, error and allocated bytes per op, by benchmark method name. */
    private static Map<String, double[]> scores(ChainedOptionsBuilder options) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            Result<?> primary = r.getPrimaryResult();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            scores.put(name.substring(name.lastIndexOf('.') + 1), new double[] {primary.getScore(),
                primary.getScoreError(), alloc == null ? Double.NaN : alloc.getScore()});
        }
        return scores;
    }

    /** The two JMH runs' scores. */
    record Results(Map<String, double[]> g1, Map<String, double[]> parallel) {
        double ns(String benchmark) {
            return g1.get(benchmark)[0];
        }

        /** Whether the G1 runs measured {@code benchmark}. */
        boolean g1Has(String benchmark) {
            return g1.containsKey(benchmark);
        }

        /** The rows of the results table. */
        List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            for (String body : List.of("Trivial", "Filter")) {
                String what = body.equals("Trivial") ? "x + 1" : "upper-case 64 chars";
                double direct = ns("direct" + body);
                double plinth = ns("plinth" + body);
                rows.add(Row.compare("Call, " + what + ": Plinth handle vs direct (proven plugin, host opts into"
                        + " skipping the TCCL switch)", plinth, direct, "ns", "direct", "≤ " + TARGET + "×",
                        plinth <= TARGET * direct));
                if (body.equals("Trivial") && g1.containsKey("plinthTrivialSwitched")) {
                    double switched = ns("plinthTrivialSwitched");
                    rows.add(Row.compare("Call, x + 1: Plinth handle vs direct (the default: TCCL set on every"
                            + " call)", switched, direct, "ns", "direct", null, null));
                }
                rows.add(Row.compare("Call, " + what + ": Plinth handle vs PF4J", plinth, ns("pf4j" + body), "ns",
                        "PF4J", null, null));
            }
            return rows;
        }

        /** One line per benchmark: score ± error, allocation, and the Parallel-GC score where there is one. */
        List<String> details() {
            List<String> lines = new ArrayList<>();
            g1.forEach((name, s) -> {
                double[] p = parallel.get(name);
                lines.add(String.format(Locale.ROOT, "| `%s` | %.2f ± %.2f | %s | %s |", name, s[0], s[1],
                        Double.isNaN(s[2]) ? Row.NONE : String.format(Locale.ROOT, "%.0f", s[2]),
                        p == null ? Row.NONE : String.format(Locale.ROOT, "%.2f ± %.2f", p[0], p[1])));
            });
            return lines;
        }
    }
}
