package dev.plinth.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Load and memory: for each N, N plugin jars loaded, started and called once by Plinth with verification, Plinth
 * without, and PF4J, each in a fresh JVM ({@link LoadChild}), {@code repeats} times; the median run is reported.
 * Memory per plugin comes from the largest N, with the plugins loaded: heap and metaspace growth over the JVM's
 * state before loading, divided by N, and the marginal cost between the two largest N (which cancels each
 * runtime's own fixed cost).
 */
final class LoadScenario {
    /** A little over the runtime's FileStamp.SETTLE. */
    private static final long STAMPS_SETTLE_MILLIS = 2_100;
    static final List<String> SYSTEMS = List.of("plinth-first", "plinth", "plinth-cached", "plinth-noverify",
            "pf4j");
    /** The same, over plugins that depend on each other (see {@link PluginJars#withDependencies}), at the largest N. */
    static final List<String> DEPENDENCY_SYSTEMS = List.of("plinth-deps", "pf4j-deps");
    private static final List<String> JVM = List.of("-Xms1g", "-Xmx2g");

    private LoadScenario() {
    }

    /** Writes the jars for every N and runs every system over them. */
    static Results run(Path work, int[] sizes, int repeats) throws Exception {
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        for (int n : sizes) {
            Path plinthDir = work.resolve("load-plinth-" + n);
            Path pf4jDir = work.resolve("load-pf4j-" + n);
            PluginJars.many("plinth", plinthDir, n);
            PluginJars.many("pf4j", pf4jDir, n);
            for (String system : SYSTEMS) {
                if (system.equals("plinth")) { // earlier starts fill the cache and the shadows; the timed ones restart
                    Forked.run(LoadChild.class, JVM, "plinth-cached", plinthDir.toString(), Integer.toString(n));
                    // a kept store records the stamps of files changed 2 s before or more: a later start does
                    Thread.sleep(STAMPS_SETTLE_MILLIS);
                    Forked.run(LoadChild.class, JVM, "plinth-cached", plinthDir.toString(), Integer.toString(n));
                }
                List<Map<String, String>> tries = new ArrayList<>();
                for (int i = 0; i < repeats; i++) {
                    Path dir = system.equals("pf4j") ? pf4jDir : plinthDir;
                    tries.add(Forked.run(LoadChild.class, JVM, system, dir.toString(), Integer.toString(n)));
                }
                tries.sort((a, b) -> Double.compare(num(a, "loadMs"), num(b, "loadMs")));
                runs.put(system + "@" + n, tries.get(tries.size() / 2));
                System.out.printf("  load %-16s N=%-5d %9.1f ms%n", system, n, num(tries.get(tries.size() / 2),
                        "loadMs"));
            }
        }
        int n = Arrays.stream(sizes).max().orElseThrow();
        Path plinthDeps = work.resolve("load-plinth-deps-" + n);
        Path pf4jDeps = work.resolve("load-pf4j-deps-" + n);
        PluginJars.withDependencies("plinth", plinthDeps, n);
        PluginJars.withDependencies("pf4j", pf4jDeps, n);
        for (String system : DEPENDENCY_SYSTEMS) {
            Path dir = system.startsWith("pf4j") ? pf4jDeps : plinthDeps;
            runs.put(system + "@" + n, median(system, dir, n, repeats));
        }
        return new Results(sizes.clone(), runs);
    }

    private static Map<String, String> median(String system, Path dir, int n, int repeats) throws Exception {
        List<Map<String, String>> tries = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            tries.add(Forked.run(LoadChild.class, JVM, system, dir.toString(), Integer.toString(n)));
        }
        tries.sort((a, b) -> Double.compare(num(a, "loadMs"), num(b, "loadMs")));
        Map<String, String> median = tries.get(tries.size() / 2);
        System.out.printf("  load %-16s N=%-5d %9.1f ms%n", system, n, num(median, "loadMs"));
        return median;
    }

    static double num(Map<String, String> run, String key) {
        return Double.parseDouble(run.get(key));
    }

    /** The median run of each system at each N, keyed {@code system@N}. */
    record Results(int[] sizes, Map<String, Map<String, String>> runs) {
        double get(String system, int n, String key) {
            return num(runs.get(system + "@" + n), key);
        }

        int largest() {
            return Arrays.stream(sizes).max().orElseThrow();
        }

        /** The rows of the results table. */
        List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            for (int n : sizes) {
                double first = get("plinth-first", n, "loadMs");
                double verified = get("plinth", n, "loadMs");
                double pf4j = get("pf4j", n, "loadMs");
                double cached = get("plinth-cached", n, "loadMs");
                double unverified = get("plinth-noverify", n, "loadMs");
                rows.add(Row.compare("Load + start " + n + " plugins: Plinth, verification on, first start (no"
                        + " cache, every jar copied)", first, pf4j, "ms", "PF4J", "≤ 1.50× PF4J", first <= 1.5 * pf4j));
                rows.add(Row.compare("Load + start " + n + " plugins: Plinth, verification on, cold (no cache,"
                        + " copies kept)", verified, pf4j, "ms", "PF4J", "≤ 1.50× PF4J", verified <= 1.5 * pf4j));
                rows.add(Row.compare("Load + start " + n + " plugins: Plinth, verification on, warm cache (a restart,"
                        + " jars unchanged)", cached, pf4j, "ms", "PF4J", "≤ 1.00× PF4J", cached <= pf4j));
                rows.add(Row.compare("Load + start " + n + " plugins: Plinth, verification off", unverified, pf4j,
                        "ms", "PF4J", "≤ 1.00× PF4J", unverified <= pf4j));
            }
            int n = largest();
            rows.add(Row.compare("Load + start " + n + " plugins with dependencies (a shared base, chains of "
                    + PluginJars.CHAIN + "): Plinth, verification on", get("plinth-deps", n, "loadMs"),
                    get("pf4j-deps", n, "loadMs"), "ms", "PF4J", null, null));
            rows.add(Row.compare("Second load of " + n + " in the same JVM (verification cache off)",
                    get("plinth", n, "secondLoadMs"), get("pf4j", n, "secondLoadMs"), "ms", "PF4J", null, null));
            rows.add(Row.compare("Heap per plugin at N = " + n, perPlugin("plinth", n, "heapDelta"),
                    perPlugin("pf4j", n, "heapDelta"), "KiB", "PF4J", null, null));
            rows.add(Row.compare("Metaspace per plugin at N = " + n, perPlugin("plinth", n, "metaspaceDelta"),
                    perPlugin("pf4j", n, "metaspaceDelta"), "KiB", "PF4J", null, null));
            return rows;
        }

        /** Growth per plugin at N, in KiB. */
        double perPlugin(String system, int n, String key) {
            return get(system, n, key) / n / 1024.0;
        }

        /** Growth per additional plugin between the two largest N, in KiB; NaN with fewer than two sizes. */
        double marginal(String system, String key) {
            int[] sorted = sizes.clone();
            Arrays.sort(sorted);
            if (sorted.length < 2) {
                return Double.NaN;
            }
            int big = sorted[sorted.length - 1];
            int small = sorted[sorted.length - 2];
            return (get(system, big, key) - get(system, small, key)) / (big - small) / 1024.0;
        }
    }
}
