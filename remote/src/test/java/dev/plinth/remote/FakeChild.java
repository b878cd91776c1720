package dev.plinth.remote;

import com.acme.api.Point;
import com.acme.api.Probe;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * A hostile child JVM: started by the real host in place of {@link ChildMain} (see {@link HostileChildTest}), it
 * passes the real handshake, serves {@link Probe} and answers each call with the reply its argument names, speaking
 * the real protocol over the real socket.
 */
final class FakeChild {
    static final int ENDLESS_LINE_BYTES = 128 * 1024 * 1024;

    private FakeChild() {
    }

    public static void main(String[] args) throws IOException {
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    continue; // the host never writes; EOF means it is gone
                }
            } catch (IOException e) {
                // a broken pipe is EOF too
            }
            Runtime.getRuntime().halt(0);
        });
        stdin.setDaemon(true);
        stdin.start();
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(args[0]))) {
            Handshake.child(ch, System.getenv(Handshake.TOKEN_VARIABLE), Handshake.VERSION);
            Out ready = Out.frame(Frames.READY);
            ready.writeByte(ChildServer.READY_OK);
            ready.writeString("fake");
            ready.writeString("1.0.0");
            ready.writeInt(1);
            ready.writeString(Probe.class.getName());
            ready.writeInt(1);
            Frames.write(ch, ready);
            ByteBuffer header = ByteBuffer.allocate(4);
            while (true) {
                In call = Frames.read(ch, header);
                if (call.readByte() != Frames.CALL) {
                    break; // SHUTDOWN
                }
                long id = call.readLong();
                call.readName();
                call.readInt();
                call.readName();
                call.readInt();
                Frames.write(ch, reply(id, (String) Codec.read(call, String.class)));
            }
        } catch (IOException e) {
            // the host hung up
        }
        Runtime.getRuntime().halt(0);
    }

    private static Out reply(long id, String scenario) {
        Out out = Out.frame(scenario.startsWith("error-") ? Frames.ERROR : Frames.RESULT);
        out.writeLong(id);
        switch (scenario) {
            case "pid" -> Codec.write(out, Long.toString(ProcessHandle.current().pid()), String.class);
            case "point" -> Codec.write(out, new Point(1, 2, "fine"), Point.class);
            case "huge-length" -> {
                out.writeByte(Codec.STRING);
                out.writeInt(Integer.MAX_VALUE); // pos + length overflows an int
                out.writeInt(0);
            }
            case "short-string" -> {
                out.writeByte(Codec.STRING);
                out.writeInt(1000);
                out.writeInt(0);
            }
            case "negative-length" -> {
                out.writeByte(Codec.STRING);
                out.writeInt(-7);
            }
            case "wrong-type" -> {
                out.writeByte(Codec.INT);
                out.writeInt(42);
            }
            case "stranger" -> { // for point(): a class the signature does not name
                out.writeByte(Codec.OBJECT);
                out.writeString("java.lang.ProcessBuilder");
                out.writeInt(0);
            }
            case "huge-count" -> { // for points()
                out.writeByte(Codec.LIST);
                out.writeInt(Integer.MAX_VALUE);
            }
            case "deep" -> deepTree(out, 100_000); // for tree()
            case "error-causes" -> out.writeInt(1_000_000);
            case "error-frames" -> {
                out.writeInt(1);
                out.writeString("com.acme.Boom");
                out.writeString("boom");
                out.writeInt(Integer.MAX_VALUE);
            }
            case "endless-line" -> {
                printEndlessLine(System.out);
                Codec.write(out, "printed", String.class);
            }
            case "exit" -> Runtime.getRuntime().halt(3);
            default -> Codec.write(out, scenario, String.class);
        }
        return out;
    }

    private static void deepTree(Out out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.writeByte(Codec.OBJECT);
            out.writeString("com.acme.api.Tree");
            out.writeInt(2);
            out.writeByte(Codec.STRING);
            out.writeString("t" + i);
            out.writeByte(Codec.LIST);
            out.writeInt(1);
        }
        out.writeByte(Codec.NULL);
    }

    private static void printEndlessLine(PrintStream to) {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'x');
        for (int written = 0; written < ENDLESS_LINE_BYTES; written += chunk.length) {
            to.write(chunk, 0, chunk.length);
        }
        to.print("\nafter the endless line\n");
        to.flush();
    }
}
