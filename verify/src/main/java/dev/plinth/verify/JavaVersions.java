package dev.plinth.verify;

/** Class-file major versions and the Java releases they belong to. */
final class JavaVersions {
    private JavaVersions() {
    }

    /** The major version of class files of a Java release: 61 for 17. */
    static int majorOf(int release) {
        return release + 44;
    }

    /** The Java release of a class-file major version: 17 for 61; 1.x releases are reported as 1..8. */
    static int releaseOf(int major) {
        return major - 44;
    }

    /** The feature release of the running JVM. */
    static int running() {
        return Runtime.version().feature();
    }
}
