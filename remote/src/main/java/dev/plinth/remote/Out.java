package dev.plinth.remote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian buffer that builds one frame: four bytes reserved for the length, then the body.
 *
 * <h2>Threading</h2>
 * Not thread-safe; each call builds its own frame.
 */
final class Out {
    private byte[] buf;
    private int size = 4;
    private int values;

    Out(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** A frame that starts with the message type. */
    static Out frame(byte type) {
        Out out = new Out(256);
        out.writeByte(type);
        return out;
    }

    void writeByte(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    void writeBoolean(boolean v) {
        writeByte(v ? 1 : 0);
    }

    void writeShort(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    void writeInt(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    void writeBytes(byte[] b) {
        writeInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /** Bytes written before, as they are: no length is written. */
    void writeRaw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /** A string as its UTF-8 bytes; null is written as length -1. */
    void writeString(String s) {
        if (s == null) {
            writeInt(-1);
        } else {
            writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Counts one encoded value against {@link Limits#MAX_VALUES}, the bound the receiver enforces. */
    void countValue() {
        if (++values > Limits.MAX_VALUES) {
            throw new IllegalArgumentException("value: more than the limit of " + Limits.MAX_VALUES
                    + " values in one message");
        }
    }

    /** The bytes of the body so far: what a receiver checks against {@link Frames#MAX_FRAME}. */
    int size() {
        return size - 4;
    }

    /** A copy of the body written so far, for {@link #writeRaw} into other frames. */
    byte[] body() {
        return Arrays.copyOfRange(buf, 4, size);
    }

    /** The finished frame: the length prefix filled in, ready to write. */
    ByteBuffer toBuffer() {
        int body = size - 4;
        buf[0] = (byte) (body >>> 24);
        buf[1] = (byte) (body >>> 16);
        buf[2] = (byte) (body >>> 8);
        buf[3] = (byte) body;
        return ByteBuffer.wrap(buf, 0, size);
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
