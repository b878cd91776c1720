package dev.plinth.runtime;

import dev.plinth.verify.PluginArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a plugin directory (opt-in): a new jar is added, a changed jar reloads its plugin, a removed jar unloads
 * it. A file is acted on only once it has kept its size and time stamp for the quiet period <em>and</em> reads as a
 * zip whose central directory is complete, so a half-copied jar is never loaded, even when the copy stalls for
 * longer than the quiet period: a file that does not read as a zip is logged once and waited on until it changes.
 * Still, copy jars in under a temporary name and rename them, which is atomic.
 *
 * <h2>Threading</h2>
 * One daemon thread, {@code plinth-watch}, calls the host's {@code add}, {@code reload} and {@code unload}; those
 * are serialised with the host's other lifecycle methods.
 */
public final class PluginWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginWatcher.class);

    private final PluginHost host;
    private final Path directory;
    private final Duration quietPeriod;
    private final WatchService service;
    private final Thread thread;
    private final Map<Path, Pending> pending = new HashMap<>();

    private PluginWatcher(PluginHost host, Path directory, Duration quietPeriod) throws IOException {
        this.host = host;
        this.directory = directory;
        this.quietPeriod = quietPeriod;
        this.service = directory.getFileSystem().newWatchService();
        directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::run, "plinth-watch");
        thread.setDaemon(true);
    }

    /** Watches {@code directory} (absolute, or relative to the host's base directory) with a 500 ms quiet period. */
    public static PluginWatcher watch(PluginHost host, Path directory) {
        return watch(host, directory, Duration.ofMillis(500));
    }

    /**
     * Watches {@code directory}, acting on a jar once it has not changed for {@code quietPeriod}.
     *
     * @throws IllegalArgumentException unless {@code quietPeriod} is between 1 ms and 1 h
     */
    public static PluginWatcher watch(PluginHost host, Path directory, Duration quietPeriod) {
        Objects.requireNonNull(host, "host == null");
        PluginHostBuilder.bounded(quietPeriod, "quietPeriod");
        Path dir = host.baseDirectory().resolve(Objects.requireNonNull(directory, "directory == null"));
        try {
            PluginWatcher watcher = new PluginWatcher(host, dir.toRealPath(), quietPeriod);
            watcher.thread.start();
            LOG.info("watching {} for plugin jars (quiet period {})", watcher.directory, Timeouts.format(quietPeriod));
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot watch", e);
        }
    }

    /** Stops watching; waits for an action in progress to end. */
    @Override
    public void close() {
        try {
            service.close();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (IOException e) {
            LOG.warn("closing the watch service of {} failed: {}", directory, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.poll(50, TimeUnit.MILLISECONDS);
                if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.context() instanceof Path name && name.toString().endsWith(".jar")) {
                            Path file = directory.resolve(name);
                            pending.put(file, Pending.of(file));
                        }
                    }
                    key.reset();
                }
                settle();
            }
        } catch (ClosedWatchServiceException e) {
            LOG.info("stopped watching {}", directory);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Acts on each file that kept the same size and time stamp for the quiet period and reads as a whole zip. */
    private void settle() {
        long now = System.nanoTime();
        pending.entrySet().removeIf(e -> {
            Pending seen = Pending.of(e.getKey());
            if (!seen.sameFileAs(e.getValue())) {
                e.setValue(seen);
                return false;
            }
            if (now - e.getValue().since() < quietPeriod.toNanos()) {
                return false;
            }
            String unreadable = seen.size() < 0 ? null : unreadableZip(e.getKey());
            if (unreadable != null) {
                if (!e.getValue().waiting()) {
                    LOG.warn("{}: not a complete jar yet ({}); waiting for it to change", e.getKey(), unreadable);
                }
                e.setValue(seen.waitingForChange()); // a stalled copy: check again after another quiet period
                return false;
            }
            act(e.getKey());
            return true;
        });
    }

    /** Why {@code file} does not read as a zip with a complete central directory, or null when it does. */
    private static String unreadableZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) { // opening reads the end record and the central directory
            LOG.debug("{}: a complete zip of {} entries", file, zip.size());
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private void act(Path file) {
        try {
            if (!Files.exists(file)) {
                host.plugins().stream().filter(p -> p.path().equals(file) && p.state() == PluginState.STARTED)
                        .findFirst().ifPresent(p -> LOG.info("{} removed: unloading {}: {}", file, p.id(),
                                host.unload(p.id()).isClean() ? "clean" : "see findings"));
                return;
            }
            String id = PluginArchive.readOutline(file).descriptor().id(); // only the id
            var loaded = host.plugin(id).filter(p -> p.state() == PluginState.STARTED);
            if (loaded.isEmpty()) {
                LOG.info("{} added: {}", file, host.add(file).state());
            } else if (!loaded.get().sha256().equals(PluginArchive.sha256(file))) {
                ReloadReport r = host.reload(id, file);
                LOG.info("{} changed: reload of {} {}", file, id, r.reloaded() ? "done, now " + r.toVersion()
                        : "failed, " + r.fromVersion() + " keeps serving: " + r.findings());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("acting on {} failed", file, e);
        }
    }

    /**
     * What a file looked like when last seen, since when it has looked so, and whether it was found unreadable as it
     * is (so that is logged once).
     */
    private record Pending(long size, long modified, long since, boolean waiting) {
        static Pending of(Path file) {
            try {
                return new Pending(Files.size(file), Files.getLastModifiedTime(file).toMillis(), System.nanoTime(),
                        false);
            } catch (IOException e) {
                return new Pending(-1, -1, System.nanoTime(), false);
            }
        }

        Pending waitingForChange() {
            return new Pending(size, modified, System.nanoTime(), true);
        }

        boolean sameFileAs(Pending other) {
            return size == other.size && modified == other.modified;
        }
    }
}
