package dev.plinth.runtime;

import java.util.concurrent.CompletableFuture;

/** Runs a step of a plugin's life on its own daemon thread, so the host can stop waiting for it. */
final class PluginThreads {
    private PluginThreads() {
    }

    /**
     * Starts {@code body} on a daemon thread named {@code name}. The caller keeps the thread in the returned value,
     * never in the plugin's record: a record is shared with other threads, which may drop what it holds.
     */
    static Worker spawn(String name, Runnable body) {
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
        t.start();
        return new Worker(t, done);
    }

    /**
     * A step running on its own thread.
     *
     * @param thread the thread, to name in a time-out finding and to interrupt
     * @param done   completes when the step returns
     */
    record Worker(Thread thread, CompletableFuture<Void> done) {
    }
}
