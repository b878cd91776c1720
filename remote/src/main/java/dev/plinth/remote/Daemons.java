package dev.plinth.remote;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Daemon threads for the host side: none of them may keep a host JVM alive. */
final class Daemons {
    /** Handshake guards and restart back-off; tasks are short and never call plugin code. */
    static final ScheduledExecutorService TIMER =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "plinth-remote-timer");
                t.setDaemon(true);
                return t;
            });

    private Daemons() {
    }

    static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
