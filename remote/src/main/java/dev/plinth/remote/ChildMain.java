package dev.plinth.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The child JVM's entry point: connects to the host, proves the launch token, loads the plugin with a
 * {@code PluginHost} (same verification and lifecycle as in-process) and serves calls until the host goes away.
 *
 * <p>Arguments: socket path, plugin jar, comma-separated shared packages, work directory, start time-out in
 * milliseconds, the configuration file, the plugin's data directory ({@code -}: one in the work directory). The token comes from the environment variable {@code PLINTH_TOKEN}, never from the command line,
 * which other users can read. The child exits when the connection closes or its standard input reaches EOF, so it
 * never outlives its host.
 */
final class ChildMain {
    static final int EXIT_REFUSED = 2;
    static final int EXIT_USAGE = 64;

    private ChildMain() {
    }

    public static void main(String[] args) {
        if (args.length != 7) {
            System.err.println("plinth-remote child: usage: ChildMain <socket> <jar> <packages> <work> <millis>"
                    + " <configuration.properties> <data directory or ->");
            Runtime.getRuntime().halt(EXIT_USAGE);
        }
        String token = System.getenv(Handshake.TOKEN_VARIABLE);
        if (token == null || token.isEmpty()) {
            System.err.println("plinth-remote child: " + Handshake.TOKEN_VARIABLE + " is not set; only a host"
                    + " starts this class");
            Runtime.getRuntime().halt(EXIT_USAGE);
        }
        Path launchDirectory = Path.of(args[3]).getParent();
        watchStandardInput(System.in, launchDirectory);
        int exit = 0;
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(args[0]))) {
            Handshake.child(ch, token, Handshake.VERSION);
            ChildServer server = new ChildServer(ch);
            if (server.ready(Path.of(args[1]), List.of(args[2].split(",")), Path.of(args[3]),
                    Duration.ofMillis(Long.parseLong(args[4])), Path.of(args[5]),
                    args[6].equals("-") ? null : Path.of(args[6]))) {
                server.serve();
            } else {
                server.awaitClose();
            }
        } catch (Handshake.Refused e) {
            System.err.println("plinth-remote child: handshake refused by the host: " + e.getMessage());
            exit = EXIT_REFUSED;
        } catch (IOException e) {
            exit = 0; // the host went away: nothing to report to anyone
        }
        Child.deleteTree(launchDirectory); // the host does it too, unless it was killed
        System.out.flush();
        System.err.flush();
        // halt, not exit: a plugin's non-daemon thread or shutdown hook must not keep an orphan alive
        Runtime.getRuntime().halt(exit);
    }

    /**
     * The host never writes to our standard input; EOF means the host died, however it died. Then the child
     * removes its own launch directory (socket and work directory), which its host can no longer do.
     */
    private static void watchStandardInput(InputStream in, Path launchDirectory) {
        Thread t = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    continue; // not expected; the host keeps the pipe open and silent
                }
            } catch (IOException e) {
                // a broken pipe is EOF too
            }
            Child.deleteTree(launchDirectory); // a killed host cannot remove our work directory any more
            Runtime.getRuntime().halt(0);
        }, "plinth-remote-stdin-watch");
        t.setDaemon(true);
        t.start();
    }
}
