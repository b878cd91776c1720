package dev.plinth.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * One running child JVM: its process, connection, output pumps and what it serves. Replaced whole on every
 * restart or reload; never reused.
 */
final class Child {
    final String pluginId;
    final Process process;
    final Link link;
    final Map<String, Integer> extensions;
    final long startedNanos = System.nanoTime();
    private final OutputPump stdout;
    private final OutputPump stderr;
    private final Path directory;
    private final OutputStream stdin;
    /** Why the host killed it, or null when it died by itself. */
    private volatile String killReason;
    /** Set once the host stops it on purpose (close or reload): its end is not a crash. */
    volatile boolean retiring;
    /** Set when a call timed out and the host detached it before killing it: its end needs a restart. */
    volatile boolean restartOnEnd;
    private final AtomicBoolean cleaned = new AtomicBoolean();

    Child(String pluginId, Process process, Link link, Map<String, Integer> extensions, OutputPump stdout,
          OutputPump stderr, Path directory) {
        this.pluginId = pluginId;
        this.process = process;
        this.link = link;
        this.extensions = Map.copyOf(extensions);
        this.stdout = stdout;
        this.stderr = stderr;
        this.directory = directory;
        this.stdin = process.getOutputStream(); // held open and silent: its EOF tells the child the host died
    }

    long pid() {
        return process.pid();
    }

    /** Kills the child at once; {@code reason} explains its end to the calls in flight. */
    void kill(String reason) {
        killReason = reason;
        process.destroyForcibly();
    }

    String killReason() {
        return killReason;
    }

    /** Waits for the process to end, killing it after {@code grace}; its exit code. */
    int awaitExit(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        stdout.awaitEnd(500);
        stderr.awaitEnd(500);
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Asks the child to stop its plugin and exit, kills it after {@code grace}, then removes its files. */
    void stop(Duration grace) {
        retiring = true;
        try {
            link.send(Out.frame(Frames.SHUTDOWN), System.nanoTime() + grace.toNanos());
        } catch (IOException e) {
            // already gone; awaitExit confirms it
        }
        awaitExit(grace);
        cleanUp();
    }

    /** The last lines the child wrote, {@code [stdout] } or {@code [stderr] } first. */
    List<String> lastOutput() {
        return stderr.tail();
    }

    /** {@code exited with code 3}, {@code was killed by signal 9 (SIGKILL)}, or the host's reason for killing it. */
    String describeEnd(int exitCode) {
        String how = exitCode < 0 ? "did not exit" : exitCode > 128 && exitCode < 160
                ? "was killed by signal " + (exitCode - 128) + (exitCode == 137 ? " (SIGKILL)" : "")
                : "exited with code " + exitCode;
        String reason = killReason;
        return "child JVM (pid " + pid() + ") " + how + (reason == null ? "" : " after " + reason);
    }

    /** Closes the pipes and deletes the child's socket and work directory; once, whoever calls first. */
    void cleanUp() {
        if (cleaned.compareAndSet(false, true)) {
            Link.closeQuietly(stdin);
            link.close();
            deleteTree(directory);
        }
    }

    /** Deletes a directory tree, best effort: a temporary directory left behind is harmless. */
    static void deleteTree(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LoggerFactory.getLogger(Child.class).debug("cannot delete {}: {}", directory, e.toString());
        }
    }
}
