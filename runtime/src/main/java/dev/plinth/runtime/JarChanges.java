package dev.plinth.runtime;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices, on one daemon thread, when the jar of a started plugin changes on disk or is deleted, and raises it at
 * once: a {@code jar-changed} warning in the plugin's findings, logged, and a {@code JAR_CHANGED} event. A file is
 * checked once it has been quiet for a moment, so a copy in progress is reported once, with its final hash. It only
 * reports: the loaded version keeps serving until the host reloads the plugin.
 */
final class JarChanges implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final long QUIET = TimeUnit.MILLISECONDS.toNanos(300);

    private final Supplier<List<PluginRecord>> records;
    private final Events events;
    private final WatchService service;
    private final Set<Path> directories = new HashSet<>(); // guarded by this
    private final Map<Path, Long> changed = new HashMap<>(); // touched on the watch thread only
    private final Thread thread;

    private JarChanges(Supplier<List<PluginRecord>> records, Events events, WatchService service) {
        this.records = records;
        this.events = events;
        this.service = service;
        this.thread = new Thread(this::run, "plinth-jar-watch");
        thread.setDaemon(true);
    }

    /**
     * Watches the jars {@link #track} names; the thread starts with the first. Without a file watch service, says
     * so and only {@code verifyIntegrity()} notices changes.
     */
    static JarChanges of(Supplier<List<PluginRecord>> records, Events events) {
        try {
            return new JarChanges(records, events, java.nio.file.FileSystems.getDefault().newWatchService());
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("changed plugin jars are noticed only by verifyIntegrity(): no file watch service ({})",
                    e.toString());
            return new JarChanges(records, events, null);
        }
    }

    /** Also watches the directory of {@code jar}, the jar of a plugin now serving. */
    synchronized void track(Path jar) {
        Path directory = jar.toAbsolutePath().getParent();
        if (service == null || directory == null || !directories.add(directory)) {
            return;
        }
        if (thread.getState() == Thread.State.NEW) {
            thread.start();
        }
        try {
            directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | ClosedWatchServiceException e) {
            LOG.warn("cannot watch {} for changed plugin jars: {}", directory, e.toString());
        }
    }

    @Override
    public void close() {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the jar watch service failed", e);
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.poll(changed.isEmpty() ? 1000 : 50, TimeUnit.MILLISECONDS);
                if (key != null) {
                    Path directory = (Path) key.watchable();
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.context() instanceof Path name) {
                            changed.put(directory.resolve(name), System.nanoTime());
                        }
                    }
                    key.reset();
                }
                checkQuietOnes();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // the host closed
        }
    }

    private void checkQuietOnes() {
        long now = System.nanoTime();
        changed.entrySet().removeIf(e -> {
            if (now - e.getValue() < QUIET) {
                return false;
            }
            for (PluginRecord r : records.get()) {
                if (r.state() == PluginState.STARTED && r.path.equals(e.getKey())) {
                    Integrity.checkForNew(r).ifPresent(f -> events.jarChanged(r.snapshot(), f.message()));
                }
            }
            return true;
        });
        events.flushFromBackground();
    }
}
