package dev.plinth.remote;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Something that happened to a remote plugin's child JVM, as told to listeners.
 *
 * @param kind       what happened
 * @param pluginId   the plugin
 * @param pid        the process id of the child concerned, or -1 when there was none
 * @param exitCode   the child's exit code when it exited (128 + n when killed by signal n)
 * @param message    one line, {@code plugin <id>: <what happened>}
 * @param lastOutput the child's last lines of output (at most 20; stdout and stderr interleaved, each line prefixed
 *                   with {@code [stdout] } or {@code [stderr] }), for {@code CRASHED}; else empty
 */
public record RemoteEvent(Kind kind, String pluginId, long pid, OptionalInt exitCode, String message,
                          List<String> lastOutput) {

    /** Copies the lines. */
    public RemoteEvent {
        Objects.requireNonNull(kind, "kind == null");
        lastOutput = List.copyOf(lastOutput);
    }

    /** What happened. */
    public enum Kind {
        /** The first child is ready. */
        STARTED,
        /** The child died or was killed; calls in flight failed. */
        CRASHED,
        /** A new child replaced one that crashed. */
        RESTARTED,
        /** A new child replaced the old one on request. */
        RELOADED,
        /** A start failed; with state {@code FAILED} no more restarts follow. */
        FAILED,
        /** The plugin was closed and its child stopped. */
        CLOSED
    }
}
