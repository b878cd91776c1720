package dev.plinth.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a harness step in a fresh JVM (the current {@code java}, the current class path) and reads back its one
 * machine-readable line, {@code RESULT key=value key=value ...}. A fresh JVM per step keeps JIT state, loaded
 * classes and heap of one scenario out of the next one's figures.
 */
final class Forked {
    static final String PREFIX = "RESULT ";

    private Forked() {
    }

    /** Runs {@code main} with {@code jvmArgs} and {@code args}; returns the key-value pairs of its result line. */
    static Map<String, String> run(Class<?> main, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> tail = new ArrayDeque<>();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(PREFIX)) {
                    result = line;
                }
                tail.addLast(line);
                if (tail.size() > 40) {
                    tail.removeFirst();
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || result == null) {
            p.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", args) + ": failed (exit "
                    + (p.isAlive() ? "none" : p.exitValue()) + "); last output:\n" + String.join("\n", tail));
        }
        return parse(result);
    }

    /** Parses {@code RESULT k=v k=v}. */
    static Map<String, String> parse(String line) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.substring(PREFIX.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return values;
    }

    /** Prints a result line for the parent to read. */
    static void print(Map<String, ?> values) {
        StringBuilder b = new StringBuilder(PREFIX);
        values.forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
        System.out.println(b.toString().trim());
        System.out.flush();
    }
}
