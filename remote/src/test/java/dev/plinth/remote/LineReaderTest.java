package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** A child's output lines are bounded: a line without an end is cut, marked, and never buffered whole. */
class LineReaderTest {
    @Test
    void linesEndWithNewlineOrCarriageReturnNewline() throws IOException {
        LineReader lines = new LineReader(new StringReader("one\r\ntwo\n\nlast"));
        assertThat(lines.next()).isEqualTo("one");
        assertThat(lines.next()).isEqualTo("two");
        assertThat(lines.next()).isEmpty();
        assertThat(lines.next()).isEqualTo("last");
        assertThat(lines.next()).isNull();
    }

    @Test
    void aLongLineIsCutAtTheLimitWithAMarkerAndItsRestDropped() throws IOException {
        LineReader lines = new LineReader(new StringReader("abcdefghij\nnext\n"), 4);
        assertThat(lines.next()).isEqualTo("abcd [line cut at 4 characters, the rest dropped]");
        assertThat(lines.next()).isEqualTo("next");
        assertThat(lines.next()).isNull();
    }

    @Test
    void aLineThatNeverEndsIsReturnedCutWithoutReadingItAll() throws IOException {
        Reader endless = new Reader() {
            @Override
            public int read(char[] buf, int off, int len) {
                java.util.Arrays.fill(buf, off, off + len, 'x');
                return len;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
        String line = new LineReader(endless).next();
        assertThat(line).startsWith("x".repeat(Limits.MAX_LINE_CHARS) + " [line cut at")
                .hasSize(Limits.MAX_LINE_CHARS + " [line cut at 8192 characters, the rest dropped]".length());
    }
}
