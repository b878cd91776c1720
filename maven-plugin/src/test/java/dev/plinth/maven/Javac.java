package dev.plinth.maven;

import dev.plinth.api.Extension;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the test class path has plinth-api, for compiling and verifying test plugins against it. */
final class Javac {
    private Javac() {
    }

    static Path plinthApi() {
        try {
            return Path.of(Extension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
