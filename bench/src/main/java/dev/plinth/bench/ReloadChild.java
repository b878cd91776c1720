package dev.plinth.bench;

import dev.plinth.bench.api.TextFilter;
import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.ReloadReport;
import dev.plinth.runtime.UnloadReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reload under load, run in a fresh JVM by {@link ReloadScenario}: two threads call one plugin's filter through a
 * held handle without pause while the main thread reloads it, alternating two jars, {@code cycles} times. Every
 * reload proves the old class loader was collected (GC polling, bounded by {@code leakCheckTimeout}).
 *
 * <p>Arguments: {@code <jarA> <jarB> <cycles> <warmupCycles>}.
 */
public final class ReloadChild {
    private ReloadChild() {
    }

    /** Runs the reload cycles and prints the {@code RESULT} line. */
    public static void main(String[] args) throws Exception {
        Path[] jars = {Path.of(args[0]), Path.of(args[1])};
        int cycles = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        String expected = CallBenchmark.LINE.toUpperCase(Locale.ROOT);
        AtomicLong leaks = new AtomicLong();
        AtomicReference<String> firstLeakEvent = new AtomicReference<>("none");
        try (PluginHost host = PluginHost.builder().sharedPackages(PluginJars.API_PACKAGE).plugin(jars[0])
                .hostClassLoader(ReloadChild.class.getClassLoader()).leakCheckTimeout(Duration.ofSeconds(2))
                .verificationCache(false) // every reload verifies its jar, as the figures have always included
                .leakReportAfter(Duration.ofSeconds(LEAK_REPORT_AFTER_S)).listener(e -> {
                    if (e.type() == dev.plinth.runtime.PluginEvent.Type.LEAK) {
                        leaks.incrementAndGet();
                        firstLeakEvent.compareAndSet("none", String.valueOf(e.unloadReport()
                                .map(UnloadReport::findings).orElse(java.util.List.of())));
                    }
                })
                .startTimeout(Duration.ofSeconds(10)).stopTimeout(Duration.ofSeconds(2)).build()) {
            host.start();
            String id = host.plugins().get(0).id();
            TextFilter handle = host.extensions(TextFilter.class).get(0);
            Thread[] callers = new Thread[2];
            for (int i = 0; i < callers.length; i++) {
                callers[i] = new Thread(() -> {
                    while (running.get()) {
                        try {
                            if (!expected.equals(handle.apply(CallBenchmark.LINE))) {
                                throw new IllegalStateException("wrong answer");
                            }
                            calls.incrementAndGet();
                        } catch (RuntimeException | Error e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e);
                        }
                    }
                }, "caller-" + i);
                callers[i].start();
            }
            for (int i = 0; i < warmup; i++) {
                host.reload(id, jars[(i + 1) % 2]);
            }
            Memory before = Memory.settled();
            long[] total = new long[cycles];
            long[] toServing = new long[cycles];
            long[] retiring = new long[cycles];
            int notReloaded = 0;
            int notCollected = 0;
            String firstLeak = "none";
            for (int i = 0; i < cycles; i++) {
                long t0 = System.nanoTime();
                ReloadReport r = host.reload(id, jars[(warmup + i + 1) % 2]);
                total[i] = System.nanoTime() - t0;
                notReloaded += r.reloaded() ? 0 : 1;
                UnloadReport u = r.unloadReport().orElse(null);
                retiring[i] = u == null ? 0 : u.took().toNanos();
                toServing[i] = total[i] - retiring[i];
                if (u == null || !u.collected()) {
                    notCollected++;
                    firstLeak = "none".equals(firstLeak) && u != null ? u.findings().toString() : firstLeak;
                }
            }
            long callsDuringCycles = calls.get();
            running.set(false);
            for (Thread t : callers) {
                t.join();
            }
            awaitWatchEnded(Duration.ofSeconds(LEAK_REPORT_AFTER_S * 3L)); // each watched loader: collected or a LEAK
            Memory after = Memory.settled();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("cycles", cycles);
            out.put("warmup", warmup);
            out.put("p50Ms", percentile(total, 50));
            out.put("p99Ms", percentile(total, 99));
            out.put("maxMs", percentile(total, 100));
            out.put("servingP50Ms", percentile(toServing, 50));
            out.put("servingP99Ms", percentile(toServing, 99));
            out.put("retireP50Ms", percentile(retiring, 50));
            out.put("retireP99Ms", percentile(retiring, 99));
            out.put("calls", callsDuringCycles);
            out.put("failedCalls", failed.get());
            out.put("firstFailure", firstFailure.get() == null ? "none" : firstFailure.get().toString()
                    .replace(' ', '_'));
            out.put("notReloaded", notReloaded);
            out.put("notCollected", notCollected);
            out.put("firstLeak", firstLeak.replaceAll("\\s+", "_"));
            out.put("leaks", leaks.get());
            out.put("firstLeakEvent", firstLeakEvent.get().replaceAll("\\s+", "_"));
            out.put("classesBefore", before.loadedClasses());
            out.put("classesAfter", after.loadedClasses());
            out.put("metaspaceBefore", before.metaspaceUsed());
            out.put("metaspaceAfter", after.metaspaceUsed());
            out.put("heapBefore", before.heapUsed());
            out.put("heapAfter", after.heapUsed());
            Forked.print(out);
        }
    }

    /** Seconds a loader not collected within the leak check is watched before it counts as a leak. */
    static final int LEAK_REPORT_AFTER_S = 30;

    /** Waits until the host's collection watch thread has ended, or the deadline passes. */
    private static void awaitWatchEnded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(
                "plinth-collection-watch")) && System.nanoTime() - deadline < 0) {
            Thread.sleep(100);
        }
    }

    /** The nearest-rank percentile of nanosecond samples, in milliseconds. */
    static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
    }
}
