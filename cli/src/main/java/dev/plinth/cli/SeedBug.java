package dev.plinth.cli;

import java.util.List;

/**
 * The thirteen bugs of Go's {@code plugin} package that Plinth's findings mirror, by their number in
 * {@code docs/bugs.md}, whose table quotes each one's Go symptom.
 */
final class SeedBug {
    private static final List<String> TITLES = List.of(
            "plugin was built with a different version of package X",
            "symbol not found",
            "X is not X",
            "init panicked",
            "relative plugin path",
            "only one plugin wins",
            "stale .so on disk",
            "no reload",
            "wrong platform",
            "reflection across copies",
            "missing init / dependencies",
            "different toolchain",
            "leaked goroutines");

    private SeedBug() {
    }

    /** The bug's short title, or {@code unknown} outside 1–13. */
    static String title(int number) {
        return number >= 1 && number <= TITLES.size() ? TITLES.get(number - 1) : "unknown";
    }
}
