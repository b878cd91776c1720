package dev.plinth.gallery;

import com.acme.api.Filter;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Bug 13: a filter starts a flusher thread and never stops it; every load/unload cycle leaves one more. */
final class LeakedThreads extends Scenario {
    private static final String BUG = "13-leaked-threads";
    private static final String THREAD = "acme-flusher";

    LeakedThreads() {
        super(13, BUG, "plugin leaves a goroutine running after each call",
                "plugin starts a thread and never stops it; the thread pins the class loader");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path plugins = ws.dir.resolve("plugins");
        Path flusher = Sources.jar(BUG, "flusher", "flusher").writeTo(plugins);
        ws.goodPlugin(plugins);

        // Without Plinth: three load, call, "unload" cycles.
        long before = flushers().size();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            loaders.add(NaiveHost.loadCallAndClose(flusher));
        }
        long alive = flushers().size() - before;
        long collected = loaders.stream().filter(l -> NaiveHost.collected(l, Duration.ofMillis(700))).count();
        o.fact("naiveThreads", alive).fact("naiveCollected", collected);
        o.without = "after 3 load/call/unload cycles: " + alive + " '" + THREAD + "' threads still running, "
                + collected + " of 3 class loaders collected";
        flushers().forEach(Thread::interrupt); // clean up after the demonstration; a real host cannot name them

        // With Plinth: the doctor hints at the thread; unload stops it, names it, and proves the loader collected.
        o.doctor = Doctor.run(ws.dir, List.of(ws.hostApiJar()), List.of(flusher));
        try (var host = ws.plinth().pluginDirectory(plugins).build()) {
            host.start();
            host.extensions(Filter.class).get(0).apply("x");
            awaitSleepingFlusher(); // as in production, the thread has run a while before the unload
            o.unload = host.unload("flusher");
            o.plugins = host.plugins();
            o.good = host.extensions(Filter.class).get(0).apply("  ok  ");
        }
        o.fact("threadsAfterPlinth", flushers().size());
        o.with = ws.line(o.unload.findings().get(0)) + "; collected=" + o.unload.collected();
        o.codes = "`thread-leak`";
        o.where = "doctor (hint), unload";
        return o;
    }


    /**
     * Waits until the plugin's flusher is inside its sleep. Unloading the instant after {@code start()}, before the
     * new thread has run any code, gets a report with an empty stack ("it was at no stack"); see the gallery
     * README's note on it.
     */
    private static void awaitSleepingFlusher() throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (flushers().stream().noneMatch(t -> t.getState() == Thread.State.TIMED_WAITING)
                && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    private static List<Thread> flushers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(THREAD) && t.isAlive())
                .toList();
    }
}
