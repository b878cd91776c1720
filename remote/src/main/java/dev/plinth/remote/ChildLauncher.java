package dev.plinth.remote;

import dev.plinth.api.Plugin;
import dev.plinth.runtime.PluginHost;
import dev.plinth.verify.Finding;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one child JVM and waits until it serves: process, connection, handshake and {@code READY}, all within
 * the start time-out. On any failure the process is killed and its files removed before the exception leaves.
 */
final class ChildLauncher {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChildLauncher() {
    }

    static Child start(RemoteOptions options, String pluginId) {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        Logger log = LoggerFactory.getLogger("plinth.remote." + pluginId);
        HostListener listener;
        try {
            listener = HostListener.open();
        } catch (IOException e) {
            throw new StartFailure(pluginId, "plugin " + pluginId + ": cannot listen on a Unix domain socket: " + e,
                    false, e);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Process process = null;
        OutputPump err = null;
        SocketChannel ch = null;
        try (listener) {
            writeConfiguration(options, listener.directory.resolve("configuration.properties"));
            ProcessBuilder pb = new ProcessBuilder(command(options, listener, pluginId));
            pb.environment().putAll(options.environment());
            pb.environment().put(Handshake.TOKEN_VARIABLE, token);
            process = pb.start();
            String name = "plinth-remote-" + pluginId + "-" + process.pid();
            Deque<String> tail = OutputPump.newTail();
            OutputPump out = OutputPump.start(process.getInputStream(), log, false, name + "-stdout", tail);
            err = OutputPump.start(process.getErrorStream(), log, true, name + "-stderr", tail);
            ch = listener.accept(token, deadline, process);
            SocketChannel connected = ch;
            ScheduledFuture<?> guard = Daemons.TIMER.schedule(() -> Link.closeQuietly(connected),
                    Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            In ready = Frames.read(ch, ByteBuffer.allocate(4));
            guard.cancel(false);
            Map<String, Integer> served = readReady(ready, pluginId);
            Link link = new Link(new FrameChannel(ch, true));
            log.info("plugin {}: child JVM (pid {}) serves {} from {}", pluginId, process.pid(), served,
                    options.jar());
            return new Child(pluginId, process, link, served, out, err, listener.directory);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                Link.closeQuietly(ch);
            }
            String tail = "";
            if (process != null && err != null) {
                process.destroyForcibly();
                err.awaitEnd(1000);
                tail = err.tail().isEmpty() ? "" : "; its last output:\n  " + String.join("\n  ", err.tail());
            }
            Child.deleteTree(listener.directory);
            if (e instanceof StartFailure f) {
                throw f;
            }
            String pid = process == null ? "" : " (pid " + process.pid() + ")";
            throw new StartFailure(pluginId, "plugin " + pluginId + ": child JVM" + pid + " did not start: "
                    + (e instanceof Handshake.Refused ? "handshake refused: " : "") + e.getMessage() + tail,
                    false, e);
        }
    }

    private static Map<String, Integer> readReady(In ready, String pluginId) {
        if (ready.readByte() != Frames.READY) {
            throw new IllegalStateException("expected READY from the child");
        }
        byte status = ready.readByte();
        if (status == ChildServer.READY_REJECTED) {
            throw new StartFailure(pluginId, ready.readString(), true, null);
        }
        if (status == ChildServer.READY_FAILED) {
            throw new StartFailure(pluginId, "plugin " + pluginId + ": failed to start in its child JVM: "
                    + ready.readString(), true, null);
        }
        ready.readString(); // the id the child's plugin host settled on; the host keeps its own for logging
        ready.readString();
        Map<String, Integer> served = new LinkedHashMap<>();
        for (int i = ready.readInt(); i > 0; i--) {
            served.put(ready.readString(), ready.readInt());
        }
        return served;
    }

    static List<String> command(RemoteOptions o, HostListener listener, String pluginId) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaCommand(o));
        cmd.add("-Xmx" + o.maxHeap());
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Dplinth.remote.plugin=" + pluginId);
        cmd.addAll(o.jvmOptions());
        cmd.add("-cp");
        cmd.add(classpath(o).stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        cmd.add(ChildMain.class.getName());
        cmd.add(listener.socket.toString());
        cmd.add(o.jar().toString());
        cmd.add(String.join(",", o.sharedPackages()));
        cmd.add(listener.directory.resolve("work").toString());
        cmd.add(Long.toString(o.startTimeout().toMillis()));
        cmd.add(listener.directory.resolve("configuration.properties").toString());
        cmd.add(o.dataDirectory() == null ? "-" : o.dataDirectory().toString());
        return cmd;
    }

    /** In the launch directory (0700), so a secret in the configuration never shows in a process listing. */
    private static void writeConfiguration(RemoteOptions o, Path file) throws IOException {
        java.util.Properties p = new java.util.Properties();
        p.putAll(o.configuration());
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file)) {
            p.store(w, "plugin configuration");
        }
    }

    private static String javaCommand(RemoteOptions o) {
        if (o.javaCommand() != null) {
            return o.javaCommand().toString();
        }
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This module and its dependencies, found where their classes came from, then the host API. */
    static List<Path> classpath(RemoteOptions o) {
        Set<Path> cp = new LinkedHashSet<>();
        for (Class<?> c : List.of(ChildMain.class, PluginHost.class, Finding.class, Plugin.class, ClassReader.class,
                LoggerFactory.class, LoggerFactory.getILoggerFactory().getClass())) {
            Path p = locationOf(c);
            if (p != null) {
                cp.add(p);
            }
        }
        cp.addAll(o.hostApiClasspath());
        return new ArrayList<>(cp);
    }

    private static Path locationOf(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
