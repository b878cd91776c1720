package dev.plinth.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;

/**
 * Copies one output stream of a child to the host's log, line by line, and keeps the last lines for crash
 * reports. The protocol never uses these streams, so whatever a plugin prints is only ever logged.
 */
final class OutputPump {
    static final int TAIL = 20;

    private final Deque<String> tail;
    private final Thread thread;

    private OutputPump(InputStream in, Logger log, boolean error, String threadName, Deque<String> tail) {
        this.tail = tail;
        this.thread = Daemons.start(threadName, () -> pump(in, log, error));
    }

    /**
     * Starts copying {@code in}; stderr lines are logged at WARN, stdout lines at INFO. Both pumps of a child share
     * {@code tail}, so it keeps the last lines of both streams in the order they were read, each prefixed with
     * {@code [stdout]} or {@code [stderr]}: the JVM reports a fatal {@code OutOfMemoryError} on stdout.
     */
    static OutputPump start(InputStream in, Logger log, boolean error, String threadName, Deque<String> tail) {
        return new OutputPump(in, log, error, threadName, tail);
    }

    static Deque<String> newTail() {
        return new ArrayDeque<>();
    }

    private void pump(InputStream in, Logger log, boolean error) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (tail) {
                    if (tail.size() == TAIL) {
                        tail.removeFirst();
                    }
                    tail.addLast((error ? "[stderr] " : "[stdout] ") + line);
                }
                if (error) {
                    log.warn("{}", line);
                } else {
                    log.info("{}", line);
                }
            }
        } catch (IOException e) {
            log.debug("output of the child ended: {}", e.toString());
        }
    }

    /** Waits up to {@code millis} for the stream to end (the child exited), so the tail is complete. */
    void awaitEnd(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines, oldest first. */
    List<String> tail() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }
}
