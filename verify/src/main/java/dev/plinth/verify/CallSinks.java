package dev.plinth.verify;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JDK methods that matter to a plugin host, by declaring class and name: those that block or do I/O (bad in a
 * static initializer), those that end the JVM, and those that create threads the host does not own.
 */
final class CallSinks {
    private static final String ANY = "*";
    private static final String INIT = "<init>";
    private static final String NETWORK = "does network I/O";
    private static final String FILE = "does file I/O";
    private static final String URL = "opens a URL (network or file I/O)";

    private static final Map<String, Map<String, String>> BLOCKING = Map.ofEntries(
            Map.entry("java/net/Socket", Map.of(INIT, NETWORK, "connect", NETWORK)),
            Map.entry("java/net/ServerSocket", Map.of(INIT, NETWORK, "bind", NETWORK, "accept", NETWORK)),
            Map.entry("java/net/DatagramSocket", Map.of(INIT, NETWORK)),
            Map.entry("java/net/URL", Map.of("openConnection", URL, "openStream", URL, "getContent", URL)),
            Map.entry("java/net/URLConnection", Map.of("connect", NETWORK, "getInputStream", NETWORK,
                    "getOutputStream", NETWORK)),
            Map.entry("java/net/InetAddress", Map.of("getByName", NETWORK, "getAllByName", NETWORK,
                    "getLocalHost", NETWORK)),
            Map.entry("java/net/http/HttpClient", Map.of("send", NETWORK, "sendAsync", NETWORK)),
            Map.entry("java/nio/channels/SocketChannel", Map.of("open", NETWORK, "connect", NETWORK)),
            Map.entry("java/nio/channels/ServerSocketChannel", Map.of("open", NETWORK)),
            Map.entry("java/io/FileInputStream", Map.of(INIT, FILE)),
            Map.entry("java/io/FileOutputStream", Map.of(INIT, FILE)),
            Map.entry("java/io/RandomAccessFile", Map.of(INIT, FILE)),
            Map.entry("java/io/FileReader", Map.of(INIT, FILE)),
            Map.entry("java/io/FileWriter", Map.of(INIT, FILE)),
            Map.entry("java/nio/file/Files", Map.of(ANY, FILE)),
            Map.entry("java/nio/channels/FileChannel", Map.of("open", FILE)),
            Map.entry("java/sql/DriverManager", Map.of("getConnection", "opens a JDBC connection")),
            Map.entry("javax/sql/DataSource", Map.of("getConnection", "opens a JDBC connection")),
            Map.entry("java/lang/ProcessBuilder", Map.of("start", "starts a process")),
            Map.entry("java/lang/Runtime", Map.of("exec", "starts a process")),
            Map.entry("java/lang/Thread", Map.of("sleep", "sleeps", "start", "starts a thread",
                    "join", "waits for a thread")),
            Map.entry("java/lang/Object", Map.of("wait", "waits on a monitor")));

    private static final Map<String, Set<String>> EXIT = Map.of(
            "java/lang/System", Set.of("exit"), "java/lang/Runtime", Set.of("exit", "halt"));

    private static final Map<String, Set<String>> THREADS = Map.of(
            "java/lang/Thread", Set.of(INIT, "start", "startVirtualThread", "ofPlatform", "ofVirtual"),
            "java/util/concurrent/ThreadPoolExecutor", Set.of(INIT),
            "java/util/concurrent/ScheduledThreadPoolExecutor", Set.of(INIT),
            "java/util/concurrent/ForkJoinPool", Set.of(INIT),
            "java/util/Timer", Set.of(INIT));

    private CallSinks() {
    }

    /** What a call does that a static initializer must not, e.g. {@code does network I/O}. */
    static Optional<String> blocking(String owner, String name) {
        Map<String, String> methods = BLOCKING.get(owner);
        if (methods == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(methods.getOrDefault(name, methods.get(ANY)));
    }

    private static final Set<String> EXIT_NAMES = Set.of("exit", "halt");
    private static final Set<String> THREAD_NAMES = Set.of(INIT, "start", "startVirtualThread", "ofPlatform",
            "ofVirtual");

    /** Whether a method of this name might end the JVM: a cheap test before resolving the call. */
    static boolean mayExit(String name) {
        return EXIT_NAMES.contains(name);
    }

    /** Whether a method of this name might create threads: a cheap test before resolving the call. */
    static boolean mayCreateThreads(String name) {
        return THREAD_NAMES.contains(name) || name.startsWith("new");
    }

    /** Whether a call ends the JVM. */
    static boolean exits(String owner, String name) {
        return EXIT.getOrDefault(owner, Set.of()).contains(name);
    }

    /** Whether a call creates or starts a thread, or a pool of them. */
    static boolean createsThreads(String owner, String name) {
        return THREADS.getOrDefault(owner, Set.of()).contains(name)
                || owner.equals("java/util/concurrent/Executors") && name.startsWith("new");
    }
}
