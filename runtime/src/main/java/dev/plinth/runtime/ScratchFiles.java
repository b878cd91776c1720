package dev.plinth.runtime;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New temporary files and directories, made with create-new semantics and named by a random number that need only
 * be unlikely to clash, not unguessable: a name another process took first is simply skipped. The JDK's
 * {@code Files.createTempFile} names them with {@code SecureRandom}, whose seeding costs a fresh JVM tens of
 * milliseconds, a fifth of a small host's start.
 */
final class ScratchFiles {
    private static final int ATTEMPTS = 100;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private ScratchFiles() {
    }

    /** A new directory {@code <prefix><random>} in {@code parent}, only the owner's on a POSIX file system. */
    static Path newDirectory(Path parent, String prefix) throws IOException {
        return create(parent, prefix, "", true);
    }

    /** A new empty file {@code <prefix><random><suffix>} in {@code directory}, only the owner's on POSIX. */
    static Path newFile(Path directory, String prefix, String suffix) throws IOException {
        return create(directory, prefix, suffix, false);
    }

    private static Path create(Path in, String prefix, String suffix, boolean directory) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path path = in.resolve(prefix + randomName() + suffix);
            try {
                return directory ? Files.createDirectory(path, owner("rwx------")) : Files.createFile(path,
                        owner("rw-------"));
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static FileAttribute<?>[] owner(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                permissions))} : new FileAttribute<?>[0];
    }

    private static String randomName() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }
}
