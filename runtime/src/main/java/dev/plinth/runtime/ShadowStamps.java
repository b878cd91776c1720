package dev.plinth.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a kept shadow store remembers of each plugin jar it copied: the jar's {@link FileStamp} and sha256, and the
 * stamp of its copy ({@code <hash of the jar's path>.stamp}, beside the copies). When the jar and the copy both still
 * have the recorded stamps, the jar has not changed since it was hashed and the copy has not changed since it was
 * found to hold those bytes: a restart with unchanged jars reads neither. Anything else — a stamp file that is
 * missing, unreadable, of another jar or format, a jar or copy with another stamp, a platform without status-change
 * times — is a miss, and the store hashes both as before.
 *
 * <p>A stamp is recorded only when neither file changed while it was hashed and both last changed a while before
 * ({@link FileStamp#SETTLE}): a file written in the same clock tick as its stamp was taken could change again
 * without its stamp moving. Like the verification cache, a stamp file guards against files changed or replaced by
 * anyone else, deploys, copies and crashes, not against a writer of the store itself, who could change its entries too.
 */
final class ShadowStamps {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final String FORMAT = "plinth-shadow-stamp 1";
    static final String SUFFIX = ".stamp";

    private final Path directory;
    private final Duration settle;

    ShadowStamps(Path directory, Duration settle) {
        this.directory = directory;
        this.settle = settle;
    }

    /** The copy recorded for {@code jar}, when both still have their recorded stamps; empty otherwise. */
    Optional<ShadowStore.Copy> known(Path jar) {
        Optional<FileStamp> now = FileStamp.of(jar);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        String[] lines;
        try {
            lines = new String(Files.readAllBytes(file(jar)), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IOException e) { // none yet: a miss
            return Optional.empty();
        }
        if (lines.length != 6 || !lines[0].equals(FORMAT) || !lines[1].equals(jar.toString())
                || !FileStamp.parse(lines[2]).equals(now) || !isSha256(lines[3]) || !lines[5].isEmpty()) {
            return Optional.empty();
        }
        Path copy = directory.resolve(lines[3] + ".jar");
        Optional<FileStamp> copyStamp = FileStamp.of(copy, LinkOption.NOFOLLOW_LINKS);
        if (copyStamp.isEmpty() || !FileStamp.parse(lines[4]).equals(copyStamp)) {
            return Optional.empty();
        }
        return Optional.of(new ShadowStore.Copy(copy, lines[3]));
    }

    /**
     * Records that {@code jar} had {@code jarStamp} and {@code copy} had {@code copyStamp}, both taken before the
     * files were hashed; nothing when either file changed since, or changed too recently to be trusted by stamp.
     * Written to a temporary file and renamed, so a reader never sees half of it; a failure is logged at DEBUG.
     */
    void record(Path jar, Optional<FileStamp> jarStamp, ShadowStore.Copy copy, Optional<FileStamp> copyStamp) {
        Instant now = Instant.now();
        if (jarStamp.isEmpty() || copyStamp.isEmpty() || !jarStamp.get().settled(now, settle)
                || !copyStamp.get().settled(now, settle) || !FileStamp.of(jar).equals(jarStamp)
                || !FileStamp.of(copy.path(), LinkOption.NOFOLLOW_LINKS).equals(copyStamp)) {
            return;
        }
        String text = String.join("\n", FORMAT, jar.toString(), jarStamp.get().line(), copy.sha256(),
                copyStamp.get().line()) + "\n";
        Path temp = null;
        try {
            temp = ScratchFiles.newFile(directory, "stamp-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file(jar), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException | RuntimeException e) {
            LOG.debug("shadow store {}: cannot record the stamp of {}: {}", directory, jar, e.toString());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}: {}", temp, e.toString());
                }
            }
        }
    }

    private static boolean isSha256(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code <64-bit FNV-1a of the jar's path, hex>.stamp}: the path itself is inside, so a clash is a miss. */
    private Path file(Path jar) {
        long hash = 0xcbf29ce484222325L;
        String path = jar.toString();
        for (int i = 0; i < path.length(); i++) {
            hash = (hash ^ path.charAt(i)) * 0x100000001b3L;
        }
        return directory.resolve(java.util.HexFormat.of().toHexDigits(hash) + SUFFIX);
    }
}
