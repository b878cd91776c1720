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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host end of one launch: a Unix domain socket in a fresh directory that only this user may enter (0700),
 * accepting exactly one connection: the child's. A connection that fails the handshake (another process of the
 * same user that got there first) is refused and closed, and the listener goes on waiting for the child.
 *
 * <h2>Where the socket lives</h2>
 * Under {@code java.io.tmpdir}, unless the socket's path there would be longer than {@link #MAX_SOCKET_PATH} bytes
 * (Linux allows 107, macOS 103): then under {@code /tmp}, in a directory made the same way, and the log says so.
 */
final class HostListener implements AutoCloseable {
    /** The longest socket path used: under the smallest limit of the systems Plinth runs on. */
    static final int MAX_SOCKET_PATH = 100;
    /** How long one connection may take to send its HELLO before it is refused: the child sends it at once. */
    static final long HANDSHAKE_MILLIS = 5_000;
    private static final String PREFIX = "plinth-remote-";
    /** {@code <dir>/plinth-remote-<up to 20 digits>/socket}. */
    private static final int NAME_LENGTH = 1 + PREFIX.length() + 20 + "/socket".length();
    private static final Logger LOG = LoggerFactory.getLogger("plinth.remote");

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
        return open(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A listener in a fresh private directory under {@code temp}, or under {@code /tmp} when that is too deep. */
    static HostListener open(Path temp) throws IOException {
        Path parent = temp.toAbsolutePath();
        if (length(parent) + NAME_LENGTH > MAX_SOCKET_PATH) {
            Path fallback = Path.of("/tmp");
            if (length(fallback) + NAME_LENGTH > MAX_SOCKET_PATH || !Files.isDirectory(fallback)) {
                throw new IOException(parent + ": too deep for a Unix domain socket path (at most " + MAX_SOCKET_PATH
                        + " bytes), and /tmp is not usable either");
            }
            LOG.info("{} is too deep for a Unix domain socket path (at most {} bytes); the launch socket is under {}",
                    parent, MAX_SOCKET_PATH, fallback);
            parent = fallback;
        }
        Path dir = Files.createTempDirectory(parent, PREFIX,
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
        IOException refused = null; // the last connection refused: what the launch failure says, if it comes to it
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw refused != null ? refused : new InterruptedIOException("no connection within the start time-out");
            }
            if (child != null && !child.isAlive()) {
                throw new IOException("exited with code " + child.exitValue() + " before connecting"
                        + (refused == null ? "" : "; a connection was refused: " + refused.getMessage()));
            }
            selector.select(left);
            SocketChannel ch = server.accept();
            if (ch != null) {
                try {
                    return handshake(ch, token, deadline);
                } catch (IOException | RuntimeException e) {
                    // not the child (another process of this user got there first, or a child of another
                    // version): refused and closed; the child may still connect before the deadline
                    refused = e instanceof IOException io ? io : new IOException(e.toString(), e);
                    LOG.warn("launch socket {}: refused a connection: {}", socket,
                            e.getMessage() == null ? e.toString() : e.getMessage());
                }
            }
        }
    }

    private static SocketChannel handshake(SocketChannel ch, String token, long deadline) throws IOException {
        ch.configureBlocking(true);
        // a peer that connects and goes silent must not hang the launch: cut it off after a while
        long cutOff = Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(HANDSHAKE_MILLIS));
        ScheduledFuture<?> guard = Daemons.TIMER.schedule(() -> Link.closeQuietly(ch), Math.max(1, cutOff),
                TimeUnit.NANOSECONDS);
        try {
            Handshake.host(ch, token);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        } finally {
            guard.cancel(false);
        }
    }

    private static int length(Path path) {
        return path.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** Stops listening and removes the socket file; the connection already made stays open. */
    @Override
    public void close() throws IOException {
        try (server; selector) {
            Files.deleteIfExists(socket);
        }
    }
}
