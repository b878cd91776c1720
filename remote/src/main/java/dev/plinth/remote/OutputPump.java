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
 * Copies one output stream of a child to the host's log, line by line, and keeps its last lines for crash
 * reports. The protocol never uses these streams, so whatever a plugin prints is only ever logged.
 */
final class OutputPump {
    static final int TAIL = 20;

    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread thread;

    private OutputPump(InputStream in, Logger log, boolean error, String threadName) {
        this.thread = Daemons.start(threadName, () -> pump(in, log, error));
    }

    /** Starts copying {@code in}; stderr lines are logged at WARN, stdout lines at INFO. */
    static OutputPump start(InputStream in, Logger log, boolean error, String threadName) {
        return new OutputPump(in, log, error, threadName);
    }

    private void pump(InputStream in, Logger log, boolean error) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (tail) {
                    if (tail.size() == TAIL) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
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
