package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import dev.plinth.verify.PluginArchive;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Detects a plugin jar that changed on disk since it was loaded: the JVM twin of Go's stale {@code .so}. */
final class Integrity {
    private Integrity() {
    }

    /** Checks every started plugin among {@code records}; the {@code jar-changed} findings, in order. */
    static List<Finding> checkStarted(List<PluginRecord> records) {
        List<Finding> changed = new ArrayList<>();
        for (PluginRecord r : records) {
            if (r.state() == PluginState.STARTED) {
                check(r).ifPresent(changed::add);
            }
        }
        return changed;
    }

    /** {@link #check}, but only a finding the plugin did not have yet. */
    static Optional<Finding> checkForNew(PluginRecord r) {
        List<Finding> before = r.snapshot().findings();
        return check(r).filter(f -> !before.contains(f));
    }

    static Optional<Finding> check(PluginRecord r) {
        String now;
        try {
            now = "sha256 " + PluginArchive.sha256Of(r.path);
        } catch (NoSuchFileException e) {
            now = "deleted";
        } catch (IOException e) {
            now = "unreadable (" + e.getMessage() + ")";
        }
        if (now.equals("sha256 " + r.sha256)) {
            return Optional.empty();
        }
        Finding f = Finding.warning(FindingCode.JAR_CHANGED, r.id(), Location.of(r.path), r.path.getFileName()
                + ": changed on disk since it was loaded (loaded sha256 " + r.sha256 + ", now " + now + "); the"
                + " loaded version keeps serving", "reload the plugin to serve the jar on disk, or restore the file");
        if (!r.snapshot().findings().contains(f)) {
            r.add(f);
            FindingLog.log(f);
        }
        return Optional.of(f);
    }
}
