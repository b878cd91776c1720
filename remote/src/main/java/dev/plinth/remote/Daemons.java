package dev.plinth.remote;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads for the host side: none of them may keep a host JVM alive. */
final class Daemons {
    /** Handshake guards and restart back-off; tasks are short and never call plugin code. */
    static final ScheduledExecutorService TIMER =
            Executors.newSingleThreadScheduledExecutor(named("plinth-remote-timer"));

    private Daemons() {
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
