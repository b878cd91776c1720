package dev.plinth.remote.bench;

import java.util.Arrays;

/** Round-trip times of one path gathered over several rounds, and the wall time those rounds took. */
final class Samples {
    private long[] nanos = new long[0];
    private long wallNanos;

    void add(long[] more, long wall) {
        int old = nanos.length;
        nanos = Arrays.copyOf(nanos, old + more.length);
        System.arraycopy(more, 0, nanos, old, more.length);
        wallNanos += wall;
    }

    Result result(String name, int callers) {
        long[] all = nanos.clone();
        Arrays.sort(all);
        return new Result(name, callers, all[all.length / 2] / 1000.0, all[(int) (all.length * 0.99)] / 1000.0,
                all.length * 1e9 / wallNanos);
    }
}
