package dev.plinth.remote;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The host end of one launch: a Unix domain socket in a fresh directory that only this user may enter (0700),
 * accepting exactly one connection.
 */
final class HostListener implements AutoCloseable {
    final Path directory;
    final Path socket;
    private final ServerSocketChannel server;
    private final Selector selector;

    private HostListener(Path directory, Path socket, ServerSocketChannel server, Selector selector) {
        this.directory = directory;
        this.socket = socket;
        this.server = server;
        this.selector = selector;
    }

    static HostListener open() throws IOException {
        Path dir = Files.createTempDirectory("plinth-remote-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = dir.resolve("socket");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            server.configureBlocking(false);
            Selector selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            return new HostListener(dir, socket, server, selector);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Waits for the child to connect, then checks its handshake. Gives up at {@code deadline} ({@link
     * System#nanoTime}) or as soon as {@code child} (may be null) exits.
     */
    SocketChannel accept(String token, long deadline, Process child) throws IOException {
        if (child != null) {
            Daemons.whenExited(child, "plinth-remote-launch-" + child.pid(), selector::wakeup);
        }
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new InterruptedIOException("no connection within the start time-out");
            }
            if (child != null && !child.isAlive()) {
                throw new IOException("exited with code " + child.exitValue() + " before connecting");
            }
            selector.select(left);
            SocketChannel ch = server.accept();
            if (ch != null) {
                ch.configureBlocking(true);
                // a peer that connects and goes silent must not hang the launch: close it at the deadline
                ScheduledFuture<?> guard = Daemons.TIMER.schedule(() -> Link.closeQuietly(ch),
                        Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                try {
                    Handshake.host(ch, token);
                    guard.cancel(false);
                    return ch;
                } catch (IOException | RuntimeException e) {
                    guard.cancel(false);
                    ch.close();
                    throw e;
                }
            }
        }
    }

    /** Stops listening and removes the socket file; the connection already made stays open. */
    @Override
    public void close() throws IOException {
        try (server; selector) {
            Files.deleteIfExists(socket);
        }
    }
}
