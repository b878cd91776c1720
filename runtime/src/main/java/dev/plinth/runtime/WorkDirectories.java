package dev.plinth.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes a work directory the host created itself. */
final class WorkDirectories {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private WorkDirectories() {
    }

    static void delete(Path directory) {
        try (Stream<Path> all = Files.walk(directory)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete work directory {}: {}", directory, e.toString());
        }
    }
}
