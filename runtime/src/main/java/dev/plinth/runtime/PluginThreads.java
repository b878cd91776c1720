package dev.plinth.runtime;

import java.util.concurrent.CompletableFuture;

/** Runs a step of a plugin's life on its own daemon thread, so the host can stop waiting for it. */
final class PluginThreads {
    private PluginThreads() {
    }

    /** Starts {@code body} on a daemon thread named {@code name}, recorded as the plugin's worker. */
    static CompletableFuture<Void> spawn(String name, PluginRecord r, Runnable body) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            Throwable failure = null;
            try {
                body.run();
            } catch (Throwable e) {
                failure = e;
            }
            // before completing: whoever waits may scan threads next, and this one must not look like the plugin's
            Thread.currentThread().setContextClassLoader(null);
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure);
            }
        }, name);
        t.setDaemon(true);
        r.worker = t;
        t.start();
        return done;
    }
}
