package dev.plinth.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-addressed copies of plugin jars ({@code <sha256>.jar}). Plugins load from the copy, so the file on disk
 * can be overwritten or deleted while the host runs: the JVM never sees a jar change under an open
 * {@code ZipFile}, the crash behind the JVM twin of Go's stale-{@code .so} bug.
 */
final class ShadowStore {
    private final Path directory;

    ShadowStore(Path directory) {
        this.directory = directory;
    }

    /**
     * Copies a verified jar unless a copy of the same content exists.
     *
     * @throws JarChangedException when the bytes copied are not the bytes that were verified
     */
    Path copyOf(Path jar, String sha256) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(sha256 + ".jar");
        if (Files.isRegularFile(target)) {
            return target;
        }
        Path temp = Files.createTempFile(directory, "copy-", ".tmp");
        try {
            String copied = copyHashing(jar, temp);
            if (!copied.equals(sha256)) {
                throw new JarChangedException(sha256, copied);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String copyHashing(Path source, Path target) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(source);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
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
