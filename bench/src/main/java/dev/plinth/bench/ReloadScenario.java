package dev.plinth.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reload under load ({@link ReloadChild}) in a fresh JVM with {@code --add-opens java.base/java.lang=ALL-UNNAMED},
 * as {@code docs/reload.md} recommends, so unload runs its full leak scan.
 */
final class ReloadScenario {
    /** Loaded classes may differ by this much after the cycles (two generations of the plugin, 20 classes each). */
    static final long CLASS_MARGIN = 2L * PluginJars.classesPerPlugin();
    /** Metaspace may differ by this much after the cycles. */
    static final long METASPACE_MARGIN = 1024 * 1024;

    private ReloadScenario() {
    }

    /** Writes two jars of one plugin and reloads between them {@code cycles} times after {@code warmup}. */
    static Map<String, String> run(Path work, int cycles, int warmup) throws Exception {
        Path a = PluginJars.plinth(work.resolve("reload-a"), "reloaded", "1.0.0");
        Path b = PluginJars.plinth(work.resolve("reload-b"), "reloaded", "2.0.0");
        return Forked.run(ReloadChild.class, List.of("-Xms256m", "-Xmx512m",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED"), a.toString(), b.toString(),
                Integer.toString(cycles), Integer.toString(warmup));
    }

    /** The rows of the results table. */
    static List<Row> rows(Map<String, String> r) {
        List<Row> rows = new ArrayList<>();
        String cycles = r.get("cycles");
        rows.add(new Row("Reload p50 / p99, incl. retiring the old generation and proving its collection",
                ms(r, "p50Ms") + " / " + ms(r, "p99Ms"), Row.NONE, Row.NONE, Row.NONE, Row.NONE));
        rows.add(new Row("Reload p50 / p99 until the new generation serves (excl. retirement)",
                ms(r, "servingP50Ms") + " / " + ms(r, "servingP99Ms"), Row.NONE, Row.NONE, Row.NONE, Row.NONE));
        rows.add(new Row("Failed calls during " + cycles + " reloads (2 calling threads)", r.get("failedCalls")
                + " of " + r.get("calls"), "0", Row.NONE, "0", Row.verdict(Long.parseLong(r.get("failedCalls")) == 0
                && Long.parseLong(r.get("notReloaded")) == 0)));
        long classesBefore = Long.parseLong(r.get("classesBefore"));
        long classesAfter = Long.parseLong(r.get("classesAfter"));
        rows.add(new Row("Loaded classes after " + cycles + " reloads vs before", Long.toString(classesAfter),
                classesBefore + " (before)", Row.ratio(classesAfter, classesBefore), "flat, ± " + CLASS_MARGIN,
                Row.verdict(Math.abs(classesAfter - classesBefore) <= CLASS_MARGIN)));
        long metaBefore = Long.parseLong(r.get("metaspaceBefore"));
        long metaAfter = Long.parseLong(r.get("metaspaceAfter"));
        rows.add(new Row("Metaspace after " + cycles + " reloads vs before", mib(metaAfter),
                mib(metaBefore) + " (before)", Row.ratio(metaAfter, metaBefore), "flat, ± 1 MiB",
                Row.verdict(Math.abs(metaAfter - metaBefore) <= METASPACE_MARGIN)));
        rows.add(new Row("Old generations collected only after the 2 s leak check (then watched)",
                r.get("notCollected") + " of " + cycles, "—", Row.NONE, "—", Row.NONE));
        rows.add(new Row("Old generations reported leaking (LEAK, still reachable " + ReloadChild.LEAK_REPORT_AFTER_S
                + " s after unload)", r.get("leaks") + " of " + cycles, "0", Row.NONE, "0",
                Row.verdict(Long.parseLong(r.get("leaks")) == 0)));
        return rows;
    }

    private static String ms(Map<String, String> r, String key) {
        return Row.format(Double.parseDouble(r.get(key))) + " ms";
    }

    private static String mib(long bytes) {
        return Row.format(Memory.mib(bytes)) + " MiB";
    }
}
