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

            assertThatThrownBy(() -> listener.accept("secret", System.nanoTime() + DEADLINE, null))
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

            assertThatThrownBy(() -> listener.accept("secret", System.nanoTime() + DEADLINE, null))
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
