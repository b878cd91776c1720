package dev.plinth.bench.api;

/** The benchmarks' realistic extension point: a text filter doing tens of nanoseconds of work per call. */
public interface TextFilter {
    /** Filters one line of text. */
    String apply(String in);
}
