package dev.plinth.runtime;

import dev.plinth.verify.Limits;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.PluginLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed copies of plugin jars ({@code <sha256>.jar}). Plugins load from the copy, so the file on disk
 * can be overwritten or deleted while the host runs: the JVM never sees a jar change under an open
 * {@code ZipFile}, the crash behind the JVM twin of Go's stale-{@code .so} bug.
 *
 * <p>A file already in the store is trusted only when it is a regular file, not a symbolic link, whose sha256 is
 * its name: a configured work directory outlives the host, and anything placed there under a copy's name would
 * otherwise load in place of the verified jar, past a lockfile. Anything else under that name is replaced.
 *
 * <p>A shared store outlives the host ({@link PluginHostBuilder#shadowCache(Path)}): a jar is hashed first and its
 * copy reused when already there, so a restart with unchanged jars writes no file; both are remembered by stamp
 * ({@link ShadowStamps}), so such a restart does not read them either; copies unused for {@link #UNUSED} are deleted
 * once per host.
 */
final class ShadowStore {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private static final AtomicLong TEMPS = new AtomicLong();

    /** How long a copy in a shared store may go unused before a host deletes it. */
    static final Duration UNUSED = Duration.ofDays(30);
    private static final String MISSING = "is missing";

    private final Path directory;
    private final boolean shared;
    private volatile boolean created;
    private final AtomicBoolean pruned = new AtomicBoolean();
    private final ShadowStamps stamps;

    ShadowStore(Path directory, boolean shared) {
        this(directory, shared, FileStamp.SETTLE);
    }

    /** {@code settle}: how long ago a file must have changed for its stamp to be recorded ({@link ShadowStamps}). */
    ShadowStore(Path directory, boolean shared, Duration settle) {
        this.directory = directory;
        this.shared = shared;
        this.stamps = new ShadowStamps(directory, settle);
    }

    /**
     * Whether a kept store can be used: its directory exists or can be made, and can be written. When not, a WARN
     * says so and the host copies into its temporary work directory instead, as the verification cache falls back
     * to verifying: a read-only home directory must not stop plugins from starting.
     */
    static boolean usable(Path directory) {
        try {
            Files.createDirectories(directory);
            if (Files.isWritable(directory)) {
                return true;
            }
            LOG.warn("shadow cache {}: not writable; copies go to the temporary work directory and are made again at"
                    + " every start", directory);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("shadow cache {}: cannot be created ({}); copies go to the temporary work directory and are"
                    + " made again at every start", directory, e.toString());
        }
        return false;
    }

    /** A jar's copy in the store and the sha256 of the bytes written to it. */
    record Copy(Path path, String sha256) {
    }

    /**
     * Copies a plugin jar into the store, hashing the bytes as they are written, and names the copy by its hash,
     * replacing whatever had that name (a rename replaces a link itself, never its target). Read the plugin from the
     * copy: then what is verified is what loads, whatever happens to the jar afterwards.
     */
    Copy copy(Path jar) throws IOException {
        createDirectory();
        if (shared) {
            Optional<Copy> known = stamps.known(jar);
            if (known.isPresent()) { // neither file changed since both were hashed: nothing to read
                Path kept = known.get().path();
                FileTime used = Files.getLastModifiedTime(kept, LinkOption.NOFOLLOW_LINKS);
                UserCache.markUsed(kept, used, "shadow copy");
                return known.get();
            }
            Optional<FileStamp> jarStamp = FileStamp.of(jar); // before hashing: a change meanwhile moves it
            String sha256 = sha256Of(jar); // the jar may be a link: only the store's own files may not
            Path existing = directory.resolve(sha256 + ".jar");
            Optional<FileStamp> copyStamp = FileStamp.of(existing, LinkOption.NOFOLLOW_LINKS);
            if (problem(existing, sha256) == null) {
                Copy reused = new Copy(existing, sha256); // the bytes are the jar's bytes: nothing to write
                stamps.record(jar, jarStamp, reused, copyStamp);
                return reused;
            }
        }
        return write(temp -> copyHashing(jar, temp), null); // a new copy: its stamp is recorded at a later start
    }

    /**
     * The copy of a verified jar: an existing one when its content is verified to be {@code sha256}, else a new one.
     *
     * @throws JarChangedException when the bytes copied are not the bytes that were verified
     */
    Path copyOf(Path jar, String sha256) throws IOException {
        createDirectory();
        Path target = directory.resolve(sha256 + ".jar");
        String problem = problem(target, sha256);
        if (problem == null) {
            return target;
        }
        if (!problem.equals(MISSING)) {
            LOG.warn("shadow copy {} {}, not the verified jar; replacing it with a copy of {}", target, problem, jar);
        }
        return write(temp -> {
            if (PluginLayout.isPlugin(jar)) { // a zip or directory plugin: the jar it makes, made again
                PluginLayout.toJar(jar, temp, Limits.DEFAULT);
                return sha256Of(temp);
            }
            return copyHashing(jar, temp);
        }, sha256).path();
    }

    /** Writes a file and returns the sha256 of what it wrote. */
    private interface Writer {
        String write(Path file) throws IOException;
    }

    /**
     * A new copy: written to a temporary file by {@code writer}, then renamed to {@code <sha256>.jar}, replacing
     * whatever had that name (a rename replaces a link itself, never its target).
     *
     * @throws JarChangedException when {@code expected} is given and the bytes written have another sha256
     */
    private Copy write(Writer writer, String expected) throws IOException {
        Path temp = newTemp("copy-");
        try {
            String sha256 = writer.write(temp);
            if (expected != null && !sha256.equals(expected)) {
                throw new JarChangedException(expected, sha256);
            }
            Path target = directory.resolve(sha256 + ".jar");
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            return new Copy(target, sha256);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Creates the store's directory once (a host makes a copy for every plugin it starts); prunes a shared one. */
    private void createDirectory() throws IOException {
        if (!created) {
            Files.createDirectories(directory);
            created = true;
        }
        if (shared && pruned.compareAndSet(false, true)) {
            prune();
        }
    }

    /** Deletes copies unused for {@link #UNUSED} and temporary files a crashed host left a day ago. */
    private void prune() {
        UserCache.prune(directory, UNUSED, "shadow store", ".jar", ShadowStamps.SUFFIX);
    }

    /**
     * A new empty file in the store, only this host's: named by a counter, made with {@code CREATE_NEW}; another
     * host sharing the work directory that took the name first makes this one fall back to a random name.
     */
    private Path newTemp(String prefix) throws IOException {
        Path temp = directory.resolve(prefix + ProcessHandle.current().pid() + "-" + TEMPS.incrementAndGet()
                + ".tmp");
        try {
            Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            return temp;
        } catch (FileAlreadyExistsException e) {
            return ScratchFiles.newFile(directory, prefix, ".tmp");
        }
    }

    /**
     * The libraries a verified shadow copy carries ({@code lib/<name>.jar}), in name order, each as its own
     * content-addressed copy: extracted from the copy, hashed while written, and trusted when already there only
     * under the same rule as the copy itself.
     */
    List<Path> librariesOf(Path copy) throws IOException {
        List<Path> libraries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().filter(e -> PluginArchive.isLibrary(e.getName()))
                    .sorted(java.util.Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry entry : entries) {
                Path temp = ScratchFiles.newFile(directory, "lib-", ".tmp");
                try {
                    String sha256;
                    try (InputStream in = zip.getInputStream(entry)) {
                        sha256 = copyHashing(in, temp);
                    }
                    Path target = directory.resolve(sha256 + ".jar");
                    if (problem(target, sha256) != null) {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    }
                    libraries.add(target);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        }
        return libraries;
    }

    /**
     * Why a file may not serve as the copy of the jar with {@code sha256} ({@link #MISSING} when there is none); null
     * when it may, after marking it used if its last use is a day old, so that pruning keeps it.
     */
    private static String problem(Path existing, String sha256) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(existing, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return MISSING;
        }
        if (attributes.isSymbolicLink()) {
            return "is a symbolic link";
        }
        if (!attributes.isRegularFile()) {
            return "is not a regular file";
        }
        String actual = sha256Of(existing, LinkOption.NOFOLLOW_LINKS);
        if (!actual.equals(sha256)) {
            return "has sha256 " + actual;
        }
        UserCache.markUsed(existing, attributes.lastModifiedTime(), "shadow copy");
        return null;
    }

    private static String sha256Of(Path file, LinkOption... options) throws IOException {
        try (InputStream in = Files.newInputStream(file, options)) {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static String copyHashing(Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return copyHashing(in, target);
        }
    }

    private static String copyHashing(InputStream in, Path target) throws IOException {
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The jar changed between verification and copying. */
    static final class JarChangedException extends IOException {
        private static final long serialVersionUID = 1L;
        final String verified;
        final String copied;

        JarChangedException(String verified, String copied) {
            super("changed while being loaded: verified sha256 " + verified + ", copied sha256 " + copied);
            this.verified = verified;
            this.copied = copied;
        }
    }
}
