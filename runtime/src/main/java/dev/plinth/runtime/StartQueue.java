package dev.plinth.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs plugin starts at most {@code slots} at a time, each on its own thread. A start's time-out counts from the
 * moment that start begins, not from when it was queued; a start that times out gives its slot back at once (its
 * thread is interrupted and left to end on its own), so a stuck plugin never holds up the ones queued behind it.
 */
final class StartQueue {
    private final int slots;
    private final long timeoutNanos;

    StartQueue(int slots, long timeoutNanos) {
        this.slots = slots;
        this.timeoutNanos = timeoutNanos;
    }

    /** What the queue needs of the lifecycle: to begin one start, and to settle it by its deadline. */
    interface Starts {
        PluginThreads.Worker begin(PluginRecord r);

        /** Waits for the start until {@code deadline} at most, and decides its outcome; may throw nothing. */
        void settle(PluginRecord r, PluginThreads.Worker worker, long deadline);

        /** A start that never began because the caller was interrupted. */
        void abandon(PluginRecord r);
    }

    private record Running(PluginThreads.Worker worker, long deadline) {
    }

    /** Starts every record, returns when each has been settled. */
    void run(List<PluginRecord> records, Starts starts) {
        Deque<PluginRecord> waiting = new ArrayDeque<>(records);
        Map<PluginRecord, Running> running = new LinkedHashMap<>();
        while (!waiting.isEmpty() || !running.isEmpty()) {
            while (running.size() < slots && !waiting.isEmpty()) {
                PluginRecord r = waiting.poll();
                running.put(r, new Running(starts.begin(r), System.nanoTime() + timeoutNanos));
            }
            try {
                awaitAny(running);
            } catch (InterruptedException e) {
                // settle() sees the interrupt too, and fails each start as the caller gives up on it
                Thread.currentThread().interrupt();
                running.forEach((r, s) -> starts.settle(r, s.worker(), s.deadline()));
                waiting.forEach(starts::abandon);
                return;
            }
            for (Iterator<Map.Entry<PluginRecord, Running>> it = running.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<PluginRecord, Running> e = it.next();
                Running s = e.getValue();
                if (s.worker().done().isDone() || System.nanoTime() - s.deadline() >= 0) {
                    starts.settle(e.getKey(), s.worker(), s.deadline());
                    it.remove();
                }
            }
        }
    }

    /** Returns when one running start has ended or the earliest deadline has passed. */
    private static void awaitAny(Map<PluginRecord, Running> running) throws InterruptedException {
        long earliest = 0; // loops, not streams: this runs once per plugin started
        CompletableFuture<?>[] done = new CompletableFuture<?>[running.size()];
        int i = 0;
        for (Running s : running.values()) {
            earliest = i == 0 || s.deadline() - earliest < 0 ? s.deadline() : earliest;
            done[i++] = s.worker().done();
        }
        try {
            CompletableFuture.anyOf(done).get(Math.max(0, earliest - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // a deadline passed, or a start ended by throwing: the caller settles both
        }
    }

    /** The number of starts that run at once by default: twice the processors, at least 4. */
    static int defaultSlots() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }
}
