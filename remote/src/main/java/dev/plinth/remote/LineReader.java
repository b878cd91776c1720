package dev.plinth.remote;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a child's output into lines of at most {@link Limits#MAX_LINE_CHARS} characters, so that a line without
 * an end never grows in the host's memory. A longer line is returned cut, with a marker saying so, as soon as the
 * limit is reached; the rest of it, up to its end, is dropped.
 *
 * <h2>Threading</h2>
 * Not thread-safe: one pump thread reads each stream.
 */
final class LineReader {
    private final Reader in;
    private final int max;
    private final String marker;
    private boolean skipping; // the last line returned was cut: drop input up to its end

    LineReader(Reader in) {
        this(in, Limits.MAX_LINE_CHARS);
    }

    LineReader(Reader in, int max) {
        this.in = in;
        this.max = max;
        this.marker = " [line cut at " + max + " characters, the rest dropped]";
    }

    /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end of the stream. */
    String next() throws IOException {
        int c;
        if (skipping) {
            do {
                c = in.read();
            } while (c >= 0 && c != '\n');
            skipping = false;
            if (c < 0) {
                return null;
            }
        }
        StringBuilder line = new StringBuilder();
        while ((c = in.read()) >= 0 && c != '\n') {
            if (line.length() == max) {
                skipping = true;
                return line.append(marker).toString();
            }
            line.append((char) c);
        }
        if (c < 0 && line.length() == 0) {
            return null;
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }
}
