package dev.plinth.remote.bench;

/** One row of the benchmark table. */
record Result(String name, int callers, double p50Micros, double p99Micros, double callsPerSecond) {
    Result named(String newName, int newCallers) {
        return new Result(newName, newCallers, p50Micros, p99Micros, callsPerSecond);
    }
}
