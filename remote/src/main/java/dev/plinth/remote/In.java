package dev.plinth.remote;

import java.nio.charset.StandardCharsets;

/**
 * Reads one received frame body, big-endian, in the order {@link Out} wrote it.
 *
 * <h2>Errors</h2>
 * Every length and count is checked against the bytes left in the frame before anything is allocated, so a
 * garbage length never makes the reader allocate more than the frame it already holds. Reading past the end, a
 * negative length or one beyond the frame throws {@link IllegalStateException}: the peer sent a malformed frame.
 * The number of values decoded from one frame is bounded by {@link Limits#MAX_VALUES} ({@link #countValue()}).
 */
final class In {
    private final byte[] buf;
    private int pos;
    private int values;

    In(byte[] buf) {
        this.buf = buf;
    }

    byte readByte() {
        need(1);
        return buf[pos++];
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    short readShort() {
        need(2);
        int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
        pos += 2;
        return (short) v;
    }

    int readInt() {
        need(4);
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    long readLong() {
        return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
    }

    byte[] readBytes() {
        int n = readCount("bytes", 1);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    /** A string of any length the frame holds, or null (written as length -1). */
    String readString() {
        return readString("string", Limits.MAX_FRAME);
    }

    /** A class, member or zone name: at most {@link Limits#MAX_NAME_BYTES}; never null. */
    String readName() {
        String name = readString("name", Limits.MAX_NAME_BYTES);
        if (name == null) {
            throw new IllegalStateException("name: null where a name is required");
        }
        return name;
    }

    /** A string of at most {@code maxBytes} UTF-8 bytes, or null. */
    String readString(String what, int maxBytes) {
        int n = readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0) {
            throw new IllegalStateException(what + ": negative length " + n);
        }
        if (n > maxBytes) {
            throw new IllegalStateException(what + ": " + n + " bytes, more than the limit of " + maxBytes);
        }
        if (n > remaining()) {
            throw new IllegalStateException(what + ": length " + n + " but only " + remaining()
                    + " bytes are left in the frame");
        }
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /**
     * A length or element count, each element taking at least {@code bytesEach} bytes of what is left of the frame:
     * a count the frame cannot hold is refused before anything is allocated for it.
     */
    int readCount(String what, int bytesEach) {
        int n = readInt();
        if (n < 0) {
            throw new IllegalStateException(what + ": negative length " + n);
        }
        if (n > remaining() / bytesEach) {
            throw new IllegalStateException(what + ": length " + n + " but only " + remaining()
                    + " bytes are left in the frame");
        }
        return n;
    }

    /** Counts one decoded value against {@link Limits#MAX_VALUES}. */
    void countValue() {
        if (++values > Limits.MAX_VALUES) {
            throw new IllegalStateException("value: more than the limit of " + Limits.MAX_VALUES
                    + " values in one message");
        }
    }

    int remaining() {
        return buf.length - pos;
    }

    /** Throws when bytes are left over: the peer wrote something this side did not expect. */
    void expectEnd(String what) {
        if (pos != buf.length) {
            throw new IllegalStateException(what + ": " + remaining() + " bytes left over after the value");
        }
    }

    private void need(int n) {
        if (n < 0 || n > buf.length - pos) {
            throw new IllegalStateException("frame: malformed, wanted " + n + " bytes at " + pos + " of "
                    + buf.length);
        }
    }
}
