package dev.plinth.runtime;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says of a regular file without reading it: size, last modification and last status change
 * (nanoseconds), device and inode. Writing a file, renaming another onto its name or changing its times moves its
 * status-change time, which no user can set back; so an equal stamp means the content is the one a stamp was taken
 * of — unless it was written in the same clock tick as that stamp was taken, which {@link #settled} rules out.
 *
 * @param size     bytes
 * @param modified last modification, nanoseconds since the epoch
 * @param changed  last status change (ctime), nanoseconds since the epoch
 * @param inode    {@code <device>:<inode>}
 */
record FileStamp(long size, long modified, long changed, String inode) {
    /** How long after its last change a file's stamp is trusted to change with its content: clock ticks are shorter. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,dev,ino,isRegularFile";

    /**
     * The stamp of a regular file; empty when it is none, is gone, or the platform has no status-change time (not a
     * Unix file system): then nothing is trusted by stamp.
     */
    static Optional<FileStamp> of(Path file, LinkOption... options) {
        Map<String, Object> a;
        try {
            a = java.nio.file.Files.readAttributes(file, ATTRIBUTES, options);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!Boolean.TRUE.equals(a.get("isRegularFile")) || !(a.get("ctime") instanceof FileTime changed)) {
            return Optional.empty();
        }
        return Optional.of(new FileStamp((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                nanos(changed), a.get("dev") + ":" + a.get("ino")));
    }

    /** Whether the file last changed {@code settle} or more before {@code now}. */
    boolean settled(Instant now, Duration settle) {
        return changed <= nanos(FileTime.from(now.minus(settle)));
    }

    /** One line, read back by {@link #parse}. */
    String line() {
        return size + " " + modified + " " + changed + " " + inode;
    }

    /** A stamp {@link #line()} wrote; empty when the text is not one. */
    static Optional<FileStamp> parse(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 4 || parts[3].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileStamp(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]), parts[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Written out: a record's generated equals links a call site on first use, costing a fresh JVM 20-30 ms. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp s && size == s.size && modified == s.modified && changed == s.changed
                && inode.equals(s.inode);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Long.hashCode(changed) * 17 + inode.hashCode();
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
