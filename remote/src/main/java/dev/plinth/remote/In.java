package dev.plinth.remote;

import java.nio.charset.StandardCharsets;

/**
 * Reads one received frame body, big-endian, in the order {@link Out} wrote it.
 *
 * <h2>Errors</h2>
 * Reading past the end throws {@link IllegalStateException}: the peer sent a malformed frame.
 */
final class In {
    private final byte[] buf;
    private int pos;

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
        int n = readInt();
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    String readString() {
        int n = readInt();
        if (n < 0) {
            return null;
        }
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    private void need(int n) {
        if (n < 0 || pos + n > buf.length) {
            throw new IllegalStateException("frame: malformed, wanted " + n + " bytes at " + pos + " of "
                    + buf.length);
        }
    }
}
