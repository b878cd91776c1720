package dev.plinth.runtime;

import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Verification;
import dev.plinth.verify.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifications of plugins (their findings, and whether calls must switch the context class loader) kept in a
 * directory, one file per {@link VerificationKey} ({@code <key>.entry}, see
 * {@link CacheEntry}), so that a restart with unchanged jars verifies nothing. An entry is used only when it is
 * whole, of this format and for its key, and when the host still answers every read it records alike
 * ({@link Verifier#answersAlike}); otherwise the plugin is verified and the entry written anew.
 *
 * <p>Entries are written to a temporary file in the directory and moved into place atomically, so hosts sharing the
 * directory read either an old entry or a new one, never a part. Using an entry refreshes its modification time;
 * the first write of a host removes entries unused for {@link #UNUSED} and temporary files left for a day.
 *
 * <h2>Threading</h2>
 * Safe for concurrent use, also by several hosts and JVMs at once.
 */
final class VerificationCache {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    /** How long an entry may go unused before a host's first write removes it. */
    static final Duration UNUSED = Duration.ofDays(30);
    private static final long MAX_ENTRY_BYTES = 64L << 20;

    private final Path directory;
    private final Optional<VerificationKey.Environment> environment;
    private final AtomicInteger verified = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicBoolean pruned = new AtomicBoolean();
    private final AtomicBoolean writeFailed = new AtomicBoolean();

    VerificationCache(Path directory, Optional<VerificationKey.Environment> environment) {
        this.directory = directory;
        this.environment = environment;
    }

    /** A cache in {@code directory} for this JVM; one that never stores when Plinth's code cannot be fingerprinted. */
    static VerificationCache in(Path directory) {
        return new VerificationCache(directory, VerificationKey.Environment.current());
    }

    Path directory() {
        return directory;
    }

    /** How many plugins this cache had verified, because no entry held. */
    int verified() {
        return verified.get();
    }

    /** How many plugins' findings came from an entry, without verifying. */
    int reused() {
        return reused.get();
    }

    /**
     * The verification of {@code archive} checked against {@code dependencies} (its findings and whether calls must
     * switch the context class loader): from an entry that holds, else anew. Any of them may be an outline
     * ({@link PluginArchive#readOutline}): an entry is found by hashes alone, and only a plugin verified anew is read
     * whole, with its dependencies.
     */
    Verification verify(Verifier verifier, PluginArchive archive, List<PluginArchive> dependencies) {
        Optional<String> key = key(verifier, archive, dependencies);
        if (key.isPresent()) {
            Path entry = directory.resolve(key.get() + ".entry");
            BasicFileAttributes attributes = attributes(entry);
            Optional<Verification> cached = attributes == null ? Optional.empty() : read(entry, key.get());
            if (cached.isPresent() && holds(verifier, cached.get(), entry)) {
                reused.incrementAndGet();
                UserCache.markUsed(entry, attributes.lastModifiedTime(), "verification cache entry");
                LOG.debug("plugin {} from {}: findings from verification cache entry {}",
                        archive.descriptor().id(), archive.path(), entry);
                return cached.get();
            }
        }
        PluginArchive whole = archive.complete();
        List<PluginArchive> wholeDependencies = dependencies.stream().map(PluginArchive::complete).toList();
        Verification fresh = verifier.verification(whole, wholeDependencies);
        verified.incrementAndGet();
        // read again, the content may differ from the outline's: the entry is filed under what was verified
        key(verifier, whole, wholeDependencies).ifPresent(k -> write(directory.resolve(k + ".entry"),
                CacheEntry.write(k, fresh)));
        return fresh;
    }

    private Optional<String> key(Verifier verifier, PluginArchive archive, List<PluginArchive> dependencies) {
        return environment.isEmpty() ? Optional.empty() // no lambda: a cached start runs this for every plugin
                : VerificationKey.of(archive, dependencies, verifier.host().sharedPackages(), environment.get());
    }

    private static boolean holds(Verifier verifier, Verification cached, Path entry) {
        try {
            return verifier.answersAlike(cached.hostReads());
        } catch (UncheckedIOException e) {
            LOG.debug("verification cache entry {}: the host cannot answer its reads ({}); verifying", entry,
                    e.toString());
            return false;
        }
    }

    /** The attributes of an entry that may be read: a regular file, not a link, of at most the entry limit. */
    private static BasicFileAttributes attributes(Path entry) {
        try {
            BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.size() <= MAX_ENTRY_BYTES ? a : null;
        } catch (IOException e) { // none yet
            return null;
        }
    }

    private static Optional<Verification> read(Path entry, String key) {
        try {
            Optional<Verification> read = CacheEntry.read(Files.readAllBytes(entry), key);
            if (read.isEmpty()) {
                LOG.debug("verification cache entry {}: not a whole entry of format {} {} for its key; replacing it",
                        entry, CacheEntry.FORMAT, CacheEntry.VERSION);
            }
            return read;
        } catch (IOException e) { // gone since listed, or unreadable: verify
            return Optional.empty();
        }
    }

    private void write(Path entry, byte[] bytes) {
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = ScratchFiles.newFile(directory, "entry-", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            if (pruned.compareAndSet(false, true)) {
                prune();
            }
        } catch (IOException | UnsupportedOperationException e) {
            if (writeFailed.compareAndSet(false, true)) { // once per host: the cache is an optimisation
                LOG.warn("verification cache {}: cannot write ({}); plugins are verified at every start",
                        directory, e.toString());
            }
        } finally {
            deleteQuietly(temp);
        }
    }

    private void prune() {
        UserCache.prune(directory, UNUSED, "verification cache", ".entry");
    }

    /**
     * Where a host keeps its cache by default: in its work directory when the host chose one (it outlives the
     * host), else in the user's cache directory, {@code $XDG_CACHE_HOME/plinth/verification} or
     * {@code ~/.cache/plinth/verification}; null when there is no home directory to use.
     */
    static Path defaultDirectory(Path chosenWorkDirectory) {
        if (chosenWorkDirectory != null) {
            return chosenWorkDirectory.resolve("verification-cache");
        }
        return UserCache.directory("verification");
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", file, e.toString());
        }
    }
}
