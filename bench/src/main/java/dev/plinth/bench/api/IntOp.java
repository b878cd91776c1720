package dev.plinth.bench.api;

/** The benchmarks' trivial extension point: a body of one addition, so the call path is all that is measured. */
public interface IntOp {
    /** Applies the operation. */
    int apply(int x);
}
