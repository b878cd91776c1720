package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps watching, on one daemon thread, the unloaded class loaders that outlived the leak-check time-out although
 * the unload's scan named no holder, and reports a {@code loader-leak} error only for one still reachable when
 * {@code leakReportAfter} has passed: a leak error is certain, never a loader the collector simply had not reached
 * yet. Nobody waits for it: the unload or reload that handed the loader over has already returned.
 */
final class CollectionWatch {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final long FIRST_PAUSE = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long LONGEST_PAUSE = TimeUnit.SECONDS.toNanos(2);

    private final HostConfig config;
    private final Events events;
    private final List<Watched> watched = new ArrayList<>(); // guarded by this
    private Thread thread; // guarded by this
    private boolean closed; // guarded by this

    CollectionWatch(HostConfig config, Events events) {
        this.config = config;
        this.events = events;
    }

    /** Watches {@code loader} of the generation {@code report} describes, unloaded at {@code began} (nanoTime). */
    synchronized void watch(PluginRecord r, WeakReference<ClassLoader> loader, UnloadReport report, long began) {
        if (closed) {
            return;
        }
        watched.add(new Watched(r, loader, report, began));
        if (thread == null) {
            thread = new Thread(this::run, "plinth-collection-watch");
            thread.setDaemon(true);
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
    }

    /** Stops watching, for a closing host; loaders not yet collected are logged, not reported as leaks. */
    void close() {
        int left;
        Thread t;
        synchronized (this) {
            closed = true;
            left = watched.size();
            watched.clear();
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
        }
        if (left > 0) {
            LOG.info("host closed while {} unloaded class loaders were not yet collected; no longer watched", left);
        }
    }

    private void run() {
        long pause = FIRST_PAUSE;
        while (true) {
            synchronized (this) {
                if (watched.isEmpty()) {
                    thread = null;
                    return;
                }
            }
            System.gc();
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE);
            List<Watched> overdue = new ArrayList<>();
            long now = System.nanoTime();
            synchronized (this) {
                for (Iterator<Watched> it = watched.iterator(); it.hasNext(); ) {
                    Watched w = it.next();
                    if (w.loader.get() == null) {
                        it.remove();
                        LOG.debug("class loader {} collected {} after unload", w.report.loaderName(),
                                Timeouts.format(Duration.ofNanos(now - w.began)));
                    } else if (now - w.began - config.leakReportAfter().toNanos() >= 0) {
                        it.remove();
                        overdue.add(w);
                    }
                }
            }
            overdue.forEach(w -> report(w, Duration.ofNanos(now - w.began)));
            if (!overdue.isEmpty()) {
                events.flushFromBackground();
            }
        }
    }

    private void report(Watched w, Duration after) {
        PluginRecord r = w.record;
        Finding leak = LoaderLeaks.finding(r, w.report.loaderName(), "", config.leakReportAfter(), config);
        r.add(List.of(leak));
        FindingLog.log(leak);
        UnloadReport late = new UnloadReport(w.report.pluginId(), w.report.version(), w.report.loaderName(),
                w.report.callsStillRunning(), false, true, List.of(leak), after);
        events.leaked(r.snapshot(), late);
    }

    private record Watched(PluginRecord record, WeakReference<ClassLoader> loader, UnloadReport report, long began) {
    }
}
