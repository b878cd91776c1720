package dev.plinth.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Verification throughput over real jars of the local Maven repository ({@link VerifyChild}), in a fresh JVM. */
final class VerifyScenario {
    static final double TARGET = 50_000;

    private VerifyScenario() {
    }

    /** Verifies up to {@code maxJars} jars of {@code repository} on {@code threads} threads. */
    static Map<String, String> run(Path repository, int maxJars, int threads) throws Exception {
        return Forked.run(VerifyChild.class, List.of("-Xms1g", "-Xmx3g"), repository.toString(),
                Integer.toString(maxJars), Integer.toString(threads));
    }

    /** Classes per second of one pass ({@code cold}, {@code warm} or {@code warm1}), verification alone. */
    static double rate(Map<String, String> r, String pass) {
        return Double.parseDouble(r.get(pass + ".classes")) / (Double.parseDouble(r.get(pass + ".verifyMs")) / 1000);
    }

    /** Classes per second of one pass, reading the jars included. */
    static double rateWithReading(Map<String, String> r, String pass) {
        double ms = Double.parseDouble(r.get(pass + ".verifyMs")) + Double.parseDouble(r.get(pass + ".readMs"));
        return Double.parseDouble(r.get(pass + ".classes")) / (ms / 1000);
    }

    /** The rows of the results table. */
    static List<Row> rows(Map<String, String> r) {
        String threads = r.get("threads");
        return List.of(
                Row.compare("Verification, warm, " + threads + " threads (" + r.get("jars") + " jars, "
                        + r.get("warm.classes") + " classes)", rate(r, "warm"), TARGET, "classes/s", "target",
                        "≥ 50,000 classes/s", rate(r, "warm") >= TARGET),
                Row.compare("Verification, warm, 1 thread", rate(r, "warm1"), TARGET, "classes/s", "target",
                        "≥ 50,000 classes/s", rate(r, "warm1") >= TARGET),
                Row.compare("Verification, cold JVM, " + threads + " threads", rate(r, "cold"), TARGET,
                        "classes/s", "target", null, null));
    }
}
