package dev.plinth.remote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The first exchange on a connection: the child sends {@code HELLO(magic, version, token)}, the host answers
 * {@code ACCEPT(version)} or {@code REJECT(reason)} and closes. The token is random per launch and reaches the child
 * only through its environment ({@code PLINTH_TOKEN}), so no other local process can impersonate the child.
 */
final class Handshake {
    static final int MAGIC = 0x504c4e54; // "PLNT"
    static final int VERSION = 2; // 2: values encoded against the declared types, bounded (see Limits)
    static final String TOKEN_VARIABLE = "PLINTH_TOKEN";

    private Handshake() {
    }

    /** The peer was refused, or refused us; the message is the reason, without a subject. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /** Checks the child's HELLO and answers it; throws {@link Refused} after telling the peer why. */
    static void host(SocketChannel ch, String token) throws IOException {
        In hello = Frames.read(ch, ByteBuffer.allocate(4));
        String problem = null;
        if (hello.readByte() != Frames.HELLO || hello.readInt() != MAGIC) {
            problem = "not a plinth-remote peer: its first frame is not a HELLO";
        } else {
            int version = hello.readInt();
            String offered = hello.readString();
            if (version != VERSION) {
                problem = "protocol version " + version + " offered, the host speaks version " + VERSION
                        + "; start the child with the host's own plinth-remote classes";
            } else if (offered == null || !MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8))) {
                problem = "wrong token; only the child JVM this host started (which gets " + TOKEN_VARIABLE
                        + " in its environment) may connect";
            }
        }
        if (problem != null) {
            Out reject = Out.frame(Frames.REJECT);
            reject.writeString(problem);
            Frames.write(ch, reject);
            throw new Refused(problem);
        }
        Out accept = Out.frame(Frames.ACCEPT);
        accept.writeInt(VERSION);
        Frames.write(ch, accept);
    }

    /** Sends HELLO and waits for the answer; throws {@link Refused} with the host's reason. */
    static void child(SocketChannel ch, String token, int version) throws IOException {
        Out hello = Out.frame(Frames.HELLO);
        hello.writeInt(MAGIC);
        hello.writeInt(version);
        hello.writeString(token);
        Frames.write(ch, hello);
        In answer = Frames.read(ch, ByteBuffer.allocate(4));
        byte type = answer.readByte();
        if (type == Frames.REJECT) {
            throw new Refused(answer.readString());
        }
        if (type != Frames.ACCEPT) {
            throw new Refused("the host answered HELLO with frame type " + type);
        }
        int hostVersion = answer.readInt();
        if (hostVersion != version) {
            throw new Refused("the host speaks protocol version " + hostVersion + ", this child " + version);
        }
    }
}
