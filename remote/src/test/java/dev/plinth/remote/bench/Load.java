package dev.plinth.remote.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs one operation per caller thread, a fixed number of times each, recording every round trip. */
final class Load {
    private Load() {
    }

    /** Runs {@code callsEach} operations on every caller at once and adds their times to {@code into}. */
    static void run(List<RemoteLatencyBench.Op> ops, int callsEach, Samples into) throws InterruptedException {
        int callers = ops.size();
        long[][] samples = new long[callers][callsEach];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < callers; t++) {
            int caller = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    long[] mine = samples[caller];
                    RemoteLatencyBench.Op op = ops.get(caller);
                    for (int i = 0; i < callsEach; i++) {
                        long t0 = System.nanoTime();
                        op.run();
                        mine[i] = System.nanoTime() - t0;
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "bench-caller-" + t);
            threads.add(thread);
            thread.start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long wall = System.nanoTime() - t0;
        synchronized (failure) {
            if (failure[0] != null) {
                throw new IllegalStateException("bench: a caller failed", failure[0]);
            }
        }
        into.add(Arrays.stream(samples).flatMapToLong(Arrays::stream).toArray(), wall);
    }
}
