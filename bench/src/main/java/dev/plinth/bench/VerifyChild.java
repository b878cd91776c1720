package dev.plinth.bench;

import dev.plinth.verify.HostApi;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Verification throughput, run in a fresh JVM by {@link VerifyScenario}: real library jars, each verified as a
 * plugin against the JDK alone (findings are counted, not judged: a library's optional dependencies are absent
 * here). Reading the jars and verifying them are timed as separate phases; each phase spreads the jars over
 * {@code threads} threads. Three passes: cold and warm with {@code threads}, then warm on one thread.
 *
 * <p>Arguments: {@code <repository> <maxJars> <threads>}.
 */
public final class VerifyChild {
    private VerifyChild() {
    }

    /** Runs the passes and prints the {@code RESULT} line. */
    public static void main(String[] args) throws Exception {
        List<Path> jars = corpus(Path.of(args[0]), Integer.parseInt(args[1]));
        int threads = Integer.parseInt(args[2]);
        Verifier verifier = Verifier.forHost(HostApi.of(List.of(), List.of()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jars", jars.size());
        out.put("threads", threads);
        pass(verifier, jars, threads, "cold", out);
        pass(verifier, jars, threads, "warm", out);
        pass(verifier, jars, 1, "warm1", out);
        Forked.print(out);
    }

    /** Every {@code *.jar} under {@code repository} but sources and javadoc, sorted, spread-sampled to {@code max}. */
    static List<Path> corpus(Path repository, int max) throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.walk(repository)) {
            all = files.filter(Files::isRegularFile).map(Path::toString)
                    .filter(s -> s.endsWith(".jar") && !s.endsWith("-sources.jar") && !s.endsWith("-javadoc.jar"))
                    .sorted().map(Path::of).toList();
        }
        if (all.size() <= max) {
            return all;
        }
        List<Path> picked = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            picked.add(all.get((int) ((long) i * all.size() / max)));
        }
        return picked;
    }

    private static void pass(Verifier verifier, List<Path> jars, int threads, String name, Map<String, Object> out)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<PluginArchive> archives = all(pool, jars.stream().map(j -> (Callable<PluginArchive>) () ->
                    PluginArchive.read(j)).toList());
            long t1 = System.nanoTime();
            AtomicLong findings = new AtomicLong();
            List<PluginArchive> readable = archives.stream().filter(a -> !a.isUnreadable()).toList();
            all(pool, readable.stream().map(a -> (Callable<Integer>) () -> {
                findings.addAndGet(verifier.verify(a).size());
                return 0;
            }).toList());
            long t2 = System.nanoTime();
            long classes = readable.stream().mapToLong(a -> a.classes().values().stream().mapToLong(List::size).sum())
                    .sum();
            out.put(name + ".classes", classes);
            out.put(name + ".unreadableJars", archives.size() - readable.size());
            out.put(name + ".findings", findings.get());
            out.put(name + ".readMs", (t1 - t0) / 1_000_000.0);
            out.put(name + ".verifyMs", (t2 - t1) / 1_000_000.0);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>(tasks.size());
        for (Future<T> f : pool.invokeAll(tasks)) {
            results.add(f.get());
        }
        return results;
    }
}
