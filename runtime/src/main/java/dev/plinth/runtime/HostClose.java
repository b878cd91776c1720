package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retires every serving generation of a closing host, a few at a time — each retirement reads every thread's stack,
 * so running them all at once would only make each one slower — and returns only when each one has been retired
 * or given up on and reported.
 *
 * <p>Each retirement is bounded by its own time-outs (drain and {@code stop} by the stop time-out, the rest by
 * short fixed waits), so {@link #bound} is measured from when a retirement begins, never from when {@code close}
 * began: a plugin queued behind slow ones gets its full time. A retirement that overruns its bound — stuck in a
 * step the time-outs do not cover — is given up on: a {@code stop-failed} warning names where its thread is, and
 * a new worker takes its place so the ones queued behind it still run.
 */
final class HostClose {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final int PARALLEL = 4;
    private static final long POLL = TimeUnit.MILLISECONDS.toNanos(20);

    private HostClose() {
    }

    /** How long one retirement may take: drain and {@code stop}, each up to the stop time-out, and 3 s for the rest. */
    static Duration bound(Duration stopTimeout) {
        return stopTimeout.multipliedBy(2).plusSeconds(3);
    }

    /** Runs each retirement, at most a few at once; returns when each has ended or overrun {@code bound}. */
    static void retireAll(List<Retiring> all, Duration bound) {
        if (all.isEmpty()) {
            return;
        }
        AtomicInteger workers = new AtomicInteger();
        int parallel = Math.min(PARALLEL, all.size());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(parallel, parallel, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread t = new Thread(task, "plinth-unload-" + workers.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        CountDownLatch ended = new CountDownLatch(all.size());
        all.forEach(r -> pool.execute(() -> r.run(ended)));
        pool.shutdown(); // queued retirements still run; the pool's threads end with the last
        try {
            while (!ended.await(POLL, TimeUnit.NANOSECONDS)) {
                for (Retiring r : all) {
                    if (r.overran(bound)) {
                        r.giveUp(bound, ended);
                        // its worker is stuck: one more, so the retirements queued behind it still run
                        pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("close: interrupted while {} plugins were still unloading", ended.getCount());
        }
    }

    /** One generation to retire: the retirement itself, and what close needs to know to give up on it. */
    static final class Retiring {
        private final PluginRecord record;
        private final Runnable retirement;
        private volatile Thread thread;
        private volatile long began;
        private volatile boolean done;
        private boolean givenUp; // guarded by this; its one writer, the closing thread, also reads it unlocked

        Retiring(PluginRecord record, Runnable retirement) {
            this.record = record;
            this.retirement = retirement;
        }

        private void run(CountDownLatch ended) {
            began = System.nanoTime();
            thread = Thread.currentThread();
            try {
                retirement.run();
            } catch (RuntimeException | Error e) {
                LOG.error("plugin {}: unloading failed", record.id(), e);
            } finally {
                thread = null;
                synchronized (this) {
                    done = true;
                    if (!givenUp) {
                        ended.countDown();
                    }
                }
            }
        }

        private boolean overran(Duration bound) {
            Thread t = thread;
            return !givenUp && !done && t != null && System.nanoTime() - began - bound.toNanos() >= 0;
        }

        private void giveUp(Duration bound, CountDownLatch ended) {
            Thread t = thread;
            synchronized (this) {
                if (done) {
                    return;
                }
                givenUp = true;
                ended.countDown();
            }
            Finding f = Finding.warning(FindingCode.STOP_FAILED, record.id(), Location.of(record.path), record.id()
                    + ": unloading did not finish within " + Timeouts.format(bound) + "; given up on at close, thread "
                    + (t == null ? "(ended)" : t.getName() + " is at " + Timeouts.position(t)),
                    "make stop() and the plugin's JVM registrations (MBeans, shutdown hooks) return promptly");
            record.add(f);
            FindingLog.log(f);
        }
    }
}
