package dev.plinth.verify;

/**
 * Where a class entry of a jar belongs: its multi-release version (0 for the base) and its binary name.
 *
 * @param release    the Java release of {@code META-INF/versions/<release>/}, 0 for the base
 * @param binaryName the class's binary name
 */
record VersionedEntry(int release, String binaryName) {
    private static final String VERSIONS = "META-INF/versions/";

    /** Null for an entry under {@code META-INF/versions/} that names no version: the JVM never loads it. */
    static VersionedEntry of(String inJar) {
        int release = 0;
        String path = inJar;
        if (inJar.startsWith(VERSIONS)) {
            int slash = inJar.indexOf('/', VERSIONS.length());
            try {
                release = Integer.parseInt(inJar.substring(VERSIONS.length(), slash));
                path = inJar.substring(slash + 1);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return new VersionedEntry(release, path.substring(0, path.length() - ".class".length()).replace('/', '.'));
    }
}
