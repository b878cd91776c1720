package dev.plinth.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * Copies one output stream of a child to the host's log, line by line, and keeps the last lines for crash
 * reports. The protocol never uses these streams, so whatever a plugin prints is only ever logged. A line longer
 * than {@link Limits#MAX_LINE_CHARS} is cut and marked ({@link LineReader}).
 */
final class OutputPump {
    static final int TAIL = 20;
    /** A log line as slf4j-simple ({@code [main] INFO x}) or logback ({@code 12:00:00.123 [main] INFO x}) writes it. */
    private static final Pattern LEVELLED =
            Pattern.compile("(?:[0-9:.,T+Z-]+ )?(?:\\[[^\\]]*] )?(TRACE|DEBUG|INFO|WARN|ERROR)\\b");

    /** The level a line is logged at on the host. */
    enum Level { TRACE, DEBUG, INFO, WARN, ERROR }

    private final Deque<String> tail;
    private final Thread thread;

    private OutputPump(InputStream in, Logger log, boolean error, String threadName, Deque<String> tail) {
        this.tail = tail;
        this.thread = Daemons.start(threadName, () -> pump(in, log, error));
    }

    /**
     * Starts copying {@code in}; a line that a logger wrote keeps its level ({@link #level}), other stderr lines are
     * logged at WARN, other stdout lines at INFO. Both pumps of a child share
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
            LineReader lines = new LineReader(r); // never readLine(): a line without an end would grow without limit
            for (String line = lines.next(); line != null; line = lines.next()) {
                synchronized (tail) {
                    if (tail.size() == TAIL) {
                        tail.removeFirst();
                    }
                    tail.addLast((error ? "[stderr] " : "[stdout] ") + line);
                }
                switch (level(line, error)) {
                    case TRACE -> log.trace("{}", line);
                    case DEBUG -> log.debug("{}", line);
                    case WARN -> log.warn("{}", line);
                    case ERROR -> log.error("{}", line);
                    default -> log.info("{}", line);
                }
            }
        } catch (IOException e) {
            log.debug("output of the child ended: {}", e.toString());
        }
    }

    /**
     * The level of a child's output line: its own when a logger in the child wrote it (a child's SLF4J provider
     * writes INFO lines to stderr too), else WARN for stderr and INFO for stdout.
     */
    static Level level(String line, boolean error) {
        Matcher m = LEVELLED.matcher(line);
        if (m.lookingAt()) {
            return Level.valueOf(m.group(1));
        }
        return error ? Level.WARN : Level.INFO;
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
