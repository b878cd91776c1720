package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handshake against fake peers: each side refuses a wrong token or version and says why. */
class HandshakeTest {
    private static final long DEADLINE = TimeUnit.SECONDS.toNanos(10);
    /** Until the deadline a refused peer does not end the wait: the child may still come. */
    private static final long SHORT = TimeUnit.MILLISECONDS.toNanos(500);
    private final List<Path> directories = new ArrayList<>();

    @AfterEach
    void deleteDirectories() {
        directories.forEach(Child::deleteTree);
    }

    private HostListener open() throws IOException {
        HostListener listener = HostListener.open();
        directories.add(listener.directory);
        return listener;
    }

    @Test
    void socketDirectoryIsPrivateToTheUser() throws Exception {
        try (HostListener listener = open()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(listener.directory)))
                    .isEqualTo("rwx------");
            assertThat(listener.socket).exists();
        }
    }

    @Test
    void hostRefusesAPeerWithTheWrongTokenAndTellsIt() throws Exception {
        try (HostListener listener = open();
             SocketChannel fake = SocketChannel.open(UnixDomainSocketAddress.of(listener.socket))) {
            Frames.write(fake, hello(Handshake.VERSION, "guessed"));

            assertThatThrownBy(() -> listener.accept("secret", System.nanoTime() + SHORT, null))
                    .isInstanceOf(Handshake.Refused.class)
                    .hasMessage("wrong token; only the child JVM this host started (which gets PLINTH_TOKEN in its"
                            + " environment) may connect");
            assertThat(rejection(fake)).isEqualTo("wrong token; only the child JVM this host started (which gets"
                    + " PLINTH_TOKEN in its environment) may connect");
        }
    }

    @Test
    void hostRefusesAnotherProtocolVersion() throws Exception {
        try (HostListener listener = open();
             SocketChannel fake = SocketChannel.open(UnixDomainSocketAddress.of(listener.socket))) {
            Frames.write(fake, hello(99, "secret"));

            assertThatThrownBy(() -> listener.accept("secret", System.nanoTime() + SHORT, null))
                    .hasMessage("protocol version 99 offered, the host speaks version " + Handshake.VERSION
                            + "; start the child with the host's own plinth-remote classes");
            assertThat(rejection(fake)).startsWith("protocol version 99 offered");
        }
    }

    @Test
    void childReportsTheHostsReasonForRefusingIt(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("s");
        try (ServerSocketChannel fakeHost = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            fakeHost.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<Void> host = CompletableFuture.runAsync(() -> {
                try (SocketChannel ch = fakeHost.accept()) {
                    Handshake.host(ch, "the real token");
                } catch (IOException e) {
                    // expected: the fake host refuses the child
                }
            });
            try (SocketChannel child = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                assertThatThrownBy(() -> Handshake.child(child, "stale token", Handshake.VERSION))
                        .isInstanceOf(Handshake.Refused.class).hasMessageStartingWith("wrong token;");
            }
            host.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPeerThatConnectsFirstIsRefusedAndTheChildStillGetsIn() throws Exception {
        try (HostListener listener = open();
             SocketChannel squatter = SocketChannel.open(UnixDomainSocketAddress.of(listener.socket));
             SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(listener.socket))) {
            Frames.write(squatter, hello(Handshake.VERSION, "guessed"));
            assertThat(silent.isConnected()).isTrue(); // and says nothing: cut off after HANDSHAKE_MILLIS
            CompletableFuture<SocketChannel> accepted = acceptAsync(listener);
            try (SocketChannel child = SocketChannel.open(UnixDomainSocketAddress.of(listener.socket))) {
                Handshake.child(child, "secret", Handshake.VERSION); // after the squatter's and the silent one's
                try (SocketChannel served = accepted.get(30, TimeUnit.SECONDS)) {
                    assertThat(served.isConnected()).isTrue();
                }
            }
            assertThat(rejection(squatter)).startsWith("wrong token;");
        }
    }

    @Test
    void aSocketPathTooLongUnderTheTemporaryDirectoryFallsBackToAShortPrivateOne(@TempDir Path dir)
            throws Exception {
        Path deep = Files.createDirectories(dir.resolve("d".repeat(60)).resolve("e".repeat(60)));
        try (HostListener listener = HostListener.open(deep)) {
            directories.add(listener.directory);
            assertThat(listener.socket.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(HostListener.MAX_SOCKET_PATH);
            assertThat(listener.directory.getParent()).isEqualTo(Path.of("/tmp"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(listener.directory)))
                    .isEqualTo("rwx------");
            CompletableFuture<SocketChannel> accepted = acceptAsync(listener);
            try (SocketChannel child = SocketChannel.open(UnixDomainSocketAddress.of(listener.socket))) {
                Handshake.child(child, "secret", Handshake.VERSION);
                accepted.get(30, TimeUnit.SECONDS).close();
            }
        }
    }

    private static CompletableFuture<SocketChannel> acceptAsync(HostListener listener) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return listener.accept("secret", System.nanoTime() + DEADLINE, null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void silentPeerIsCutOffAtTheDeadline() throws Exception {
        try (HostListener listener = open();
             SocketChannel fake = SocketChannel.open(UnixDomainSocketAddress.of(listener.socket))) {
            assertThatThrownBy(() -> listener.accept("secret", System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300),
                    null)).isInstanceOf(IOException.class);
            assertThat(fake.isConnected()).isTrue();
        }
    }

    private static Out hello(int version, String token) {
        Out hello = Out.frame(Frames.HELLO);
        hello.writeInt(Handshake.MAGIC);
        hello.writeInt(version);
        hello.writeString(token);
        return hello;
    }

    private static String rejection(SocketChannel fake) throws IOException {
        In answer = Frames.read(fake, ByteBuffer.allocate(4));
        assertThat(answer.readByte()).isEqualTo(Frames.REJECT);
        return answer.readString();
    }
}
