package com.acme.crc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Extracts {@code native/libfastcrc.so} from the jar and loads it, the way JNI libraries are shipped in jars. The
 * file in this jar was built on a developer's Mac: a Mach-O arm64 binary named like a Linux library.
 */
final class NativeCrc {
    static {
        String name = System.mapLibraryName("fastcrc");
        try (InputStream in = NativeCrc.class.getResourceAsStream("/native/" + name)) {
            if (in == null) {
                throw new UnsatisfiedLinkError("no bundled " + name);
            }
            Path dir = Files.createTempDirectory("fastcrc");
            Path lib = dir.resolve(name);
            dir.toFile().deleteOnExit();
            Files.copy(in, lib);
            lib.toFile().deleteOnExit();
            System.load(lib.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private NativeCrc() {
    }

    static native long checksum(byte[] data);
}
