package dev.plinth.remote.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One connection to {@link RawPingPongServer}: send a payload, wait for it to come back. Not thread-safe. */
final class RawPingPongClient implements AutoCloseable {
    private final SocketChannel ch;
    private final ByteBuffer out;
    private final ByteBuffer in;

    RawPingPongClient(Path socket, String payload) throws IOException {
        this.ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        this.out = ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes);
        this.in = ByteBuffer.allocate(4 + bytes.length);
    }

    /** One round trip. */
    void ping() throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            ch.write(out);
        }
        out.limit(out.capacity()).position(out.capacity());
        in.clear();
        fill(ch, in);
    }

    static void fill(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException("connection closed");
            }
        }
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
