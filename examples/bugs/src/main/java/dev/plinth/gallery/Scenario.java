package dev.plinth.gallery;

/** One of the thirteen Go plugin bugs, replayed twice: in a {@link NaiveHost}, then with Plinth. */
abstract class Scenario {
    private final int number;
    private final String folder;
    private final String goBug;
    private final String twin;

    Scenario(int number, String folder, String goBug, String twin) {
        this.number = number;
        this.folder = folder;
        this.goBug = goBug;
        this.twin = twin;
    }

    /** The Go bug's number, 1 to 13, as in {@code docs/bugs.md}. */
    final int number() {
        return number;
    }

    /** The bug folder, e.g. {@code 02-symbol-not-found}. */
    final String folder() {
        return folder;
    }

    /** The Go symptom in a few words. */
    final String goBug() {
        return goBug;
    }

    /** The JVM twin in a few words. */
    final String twin() {
        return twin;
    }

    /** Builds the jars in {@code ws}, runs both halves and returns what they showed. */
    abstract Outcome run(Workspace ws) throws Exception;
}
