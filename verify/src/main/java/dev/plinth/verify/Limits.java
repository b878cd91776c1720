package dev.plinth.verify;

/**
 * Bounds on what reading one jar may cost, so that a zip bomb or a garbage file gives a finding, not an
 * {@code OutOfMemoryError} or a hang.
 *
 * @param maxEntries          most entries a jar may have
 * @param maxEntryBytes       most uncompressed bytes of one entry that is read (class, manifest, service file)
 * @param maxTotalBytes       most uncompressed bytes read from one jar in all
 * @param maxCompressionRatio largest uncompressed/compressed ratio of an entry of at least 1 MiB
 */
public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxCompressionRatio) {

    /** Limits generous for real plugins: 100,000 entries, 64 MiB an entry, 1 GiB in all, ratio 200. */
    public static final Limits DEFAULT = new Limits(100_000, 64L << 20, 1L << 30, 200);

    /** Checks that every bound is positive. */
    public Limits {
        if (maxEntries <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxCompressionRatio <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxEntries + ", " + maxEntryBytes
                    + ", " + maxTotalBytes + ", " + maxCompressionRatio);
        }
    }
}
