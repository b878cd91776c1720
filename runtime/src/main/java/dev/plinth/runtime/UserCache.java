package dev.plinth.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's cache directory for Plinth, where hosts without a work directory keep what outlives them, and the
 * pruning every cache shared by several hosts does.
 */
final class UserCache {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    /** Temporary files a host left behind (it crashed while writing) are this old before another deletes them. */
    private static final Duration LEFT_TEMPORARY = Duration.ofDays(1);
    private static final Duration MARK_USED_AFTER = Duration.ofDays(1);

    private UserCache() {
    }

    /**
     * {@code $XDG_CACHE_HOME/plinth/<name>}, else {@code ~/.cache/plinth/<name>}; null when there is no absolute
     * home directory to use.
     */
    static Path directory(String name) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "plinth", name);
        }
        String home = System.getProperty("user.home", "");
        if (home.isBlank() || !Path.of(home).isAbsolute()) {
            return null;
        }
        return Path.of(home, ".cache", "plinth", name);
    }

    /**
     * Deletes the files of {@code directory} whose name ends with one of {@code suffixes} and that were unused (not
     * modified) for {@code unused}, and {@code *.tmp} files a day old; a file that cannot be deleted is left, and a
     * directory that cannot be read is logged at DEBUG, as what: a cache works without pruning.
     */
    static void prune(Path directory, Duration unused, String what, String... suffixes) {
        Instant now = Instant.now();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Duration keep = endsWithAny(name, suffixes) ? unused : name.endsWith(".tmp") ? LEFT_TEMPORARY : null;
                if (keep != null && Duration.between(modified(file), now).compareTo(keep) > 0) {
                    deleteQuietly(file); // a host still reading it holds it open: unlinking is harmless
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("{} {}: cannot prune: {}", what, directory, e.toString());
        }
    }

    /**
     * Marks a file of a pruned cache used, so that pruning keeps it, when its last use ({@code lastUsed}) is a day
     * old: a host reusing it at every start writes its time once a day, not at every start. A file another host
     * replaced or pruned meanwhile is logged at DEBUG, as what.
     */
    static void markUsed(Path file, FileTime lastUsed, String what) {
        Instant now = Instant.now();
        if (Duration.between(lastUsed.toInstant(), now).compareTo(MARK_USED_AFTER) <= 0) {
            return;
        }
        try {
            Files.setLastModifiedTime(file, FileTime.from(now));
        } catch (IOException e) {
            LOG.debug("{} {}: cannot mark it used: {}", what, file, e.toString());
        }
    }

    private static boolean endsWithAny(String name, String... suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** When a file was last written or used; now when another host removed it meanwhile. */
    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", file, e.toString());
        }
    }
}
