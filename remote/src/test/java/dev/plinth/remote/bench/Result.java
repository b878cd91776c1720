package dev.plinth.remote.bench;

/** One row of the benchmark table. */
record Result(String name, int callers, double p50Micros, double p99Micros, double callsPerSecond) {
}
