package dev.plinth.remote.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The baseline's other JVM: echoes {@code [int length][bytes]} frames on a Unix domain socket, one blocking thread
 * per connection, no decoding. Exits when its standard input ends, like a plugin child.
 */
public final class RawPingPongServer {
    private RawPingPongServer() {
    }

    public static void main(String[] args) throws IOException {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    continue; // never written to
                }
            } catch (IOException e) {
                // EOF or broken pipe: the bench is gone
            }
            Runtime.getRuntime().halt(0);
        });
        watch.setDaemon(true);
        watch.start();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(Path.of(args[0])));
            System.out.println("READY");
            System.out.flush();
            while (true) {
                SocketChannel ch = server.accept();
                Thread t = new Thread(() -> echo(ch));
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void echo(SocketChannel ch) {
        ByteBuffer header = ByteBuffer.allocate(4);
        ByteBuffer body = ByteBuffer.allocate(1 << 16);
        try (ch) {
            while (true) {
                header.clear();
                RawPingPongClient.fill(ch, header);
                body.clear().limit(header.getInt(0));
                RawPingPongClient.fill(ch, body);
                header.flip();
                body.flip();
                ch.write(new ByteBuffer[] {header, body});
            }
        } catch (IOException e) {
            // the client hung up: this connection is done
        }
    }
}
