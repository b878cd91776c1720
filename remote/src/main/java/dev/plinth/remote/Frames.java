package dev.plinth.remote;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The framing of the protocol, {@code [int length][byte type][body]}, and its message types.
 *
 * <p>Blocking {@link SocketChannel} reads and writes are used directly: {@code Channels.newInputStream} and
 * {@code newOutputStream} share one lock per channel, so a blocked reader would stall every writer.
 */
final class Frames {
    static final byte HELLO = 1;
    static final byte ACCEPT = 2;
    static final byte REJECT = 3;
    static final byte READY = 4;
    static final byte CALL = 5;
    static final byte RESULT = 6;
    static final byte ERROR = 7;
    static final byte SHUTDOWN = 8;

    /** The largest frame either side accepts: a garbage length never makes us allocate gigabytes. */
    static final int MAX_FRAME = 64 * 1024 * 1024;

    private Frames() {
    }

    /** Reads one frame body; throws {@link EOFException} when the peer closed the connection. */
    static In read(SocketChannel ch, ByteBuffer header) throws IOException {
        header.clear();
        fill(ch, header);
        int length = header.getInt(0);
        if (length < 1 || length > MAX_FRAME) {
            throw new IOException("frame: length " + length + " out of range 1.." + MAX_FRAME);
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        fill(ch, body);
        return new In(body.array());
    }

    /** Writes a whole frame; callers serialise writes to one channel. */
    static void write(SocketChannel ch, Out frame) throws IOException {
        ByteBuffer b = frame.toBuffer();
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static void fill(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException("connection closed by the peer");
            }
        }
    }
}
