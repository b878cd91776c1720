package dev.plinth.remote;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Daemon threads, on both sides: none of them may keep a JVM alive. */
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

    /**
     * Runs {@code action} on a daemon thread of its own once {@code process} has exited. Not
     * {@link Process#onExit()}: from JDK 19 on it completes on the common fork-join pool even where that has one
     * thread, so a host whose tasks keep that thread busy would hear of a dead child late or never.
     */
    static void whenExited(Process process, String name, Runnable action) {
        start(name, () -> {
            while (true) {
                try {
                    process.waitFor();
                    break;
                } catch (InterruptedException e) {
                    // nobody interrupts this thread on purpose; keep waiting for the exit
                }
            }
            action.run();
        });
    }
}
