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
            try {
                body.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            } finally {
                Thread.currentThread().setContextClassLoader(null); // the Thread object may outlive the plugin
            }
        }, name);
        t.setDaemon(true);
        r.worker = t;
        t.start();
        return done;
    }
}
