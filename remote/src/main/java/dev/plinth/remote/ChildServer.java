package dev.plinth.remote;

import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginInfo;
import dev.plinth.runtime.PluginState;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The child's side of the connection: reports what the plugin serves ({@code READY}), then runs each call against
 * the runtime's extension handles and writes the reply ({@link CallWorkers} says on which thread).
 */
final class ChildServer {
    static final byte READY_OK = 0;
    static final byte READY_REJECTED = 1;
    static final byte READY_FAILED = 2;

    private final SocketChannel ch;
    private final ClassLoader apiLoader = ClassLoader.getSystemClassLoader();
    private final Map<String, Class<?>> interfaces = new ConcurrentHashMap<>();
    private volatile FrameChannel frames;
    private PluginHost host;

    ChildServer(SocketChannel ch) {
        this.ch = ch;
    }

    /** Checks the interfaces, starts the plugin and sends {@code READY}; false when it cannot serve. */
    boolean ready(Path jar, List<String> packages, Path work, Duration startTimeout, Path configuration,
                  Path dataDirectory) throws IOException {
        Out ready = Out.frame(Frames.READY);
        List<Class<?>> served;
        try {
            served = ServiceInterfaces.of(jar, packages, apiLoader);
            served.forEach(TypeCheck::check);
        } catch (UncheckedIOException e) {
            served = List.of(); // an unreadable jar: the plugin host below reports it as a finding
        } catch (IllegalArgumentException e) {
            ready.writeByte(READY_REJECTED);
            ready.writeString(e.getMessage());
            send(ready);
            return false;
        }
        java.util.Properties values = new java.util.Properties();
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(configuration)) {
            values.load(r);
        }
        java.util.Map<String, String> config = new java.util.HashMap<>();
        values.stringPropertyNames().forEach(k -> config.put(k, values.getProperty(k)));
        String id = dev.plinth.verify.PluginArchive.read(jar).descriptor().id();
        var builder = PluginHost.builder().plugin(jar).sharedPackages(packages.toArray(String[]::new))
                .workDirectory(work).startTimeout(startTimeout).hostClassLoader(apiLoader)
                .configuration(id, config).verification(false); // the launching host verified it
        if (dataDirectory != null) {
            builder.dataDirectory(dataDirectory.getParent()); // the plugin's own is <parent>/<id>, as on the host
        }
        host = builder.build();
        host.start();
        List<PluginInfo> plugins = host.plugins();
        PluginInfo info = plugins.isEmpty() ? null : plugins.get(0);
        if (info == null || info.state() != PluginState.STARTED) {
            ready.writeByte(READY_FAILED);
            ready.writeString(info == null ? "no plugin found in " + jar : describe(info));
            send(ready);
            return false;
        }
        ready.writeByte(READY_OK);
        ready.writeString(info.id());
        ready.writeString(info.version());
        ready.writeInt(served.size());
        for (Class<?> iface : served) {
            interfaces.put(iface.getName(), iface);
            ready.writeString(iface.getName());
            ready.writeInt(host.extensions(iface).size());
        }
        send(ready);
        return true;
    }

    /** Serves calls until the host asks to shut down or the connection ends. */
    void serve() throws IOException {
        try (FrameChannel frames = new FrameChannel(ch, false)) {
            this.frames = frames;
            new CallWorkers(frames, this::handle).serve();
        }
    }

    private boolean handle(In in) throws IOException {
        byte type = in.readByte();
        if (type == Frames.SHUTDOWN) {
            host.close();
            return true;
        }
        if (type != Frames.CALL) {
            throw new IOException("frame: unexpected type " + type + " from the host");
        }
        call(in);
        return false;
    }

    /** Waits for the host to read a failed {@code READY} and hang up. */
    void awaitClose() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4);
        try {
            while (true) {
                Frames.read(ch, header);
            }
        } catch (EOFException e) {
            // the host hung up, as expected
        }
    }

    private void call(In in) {
        long id = in.readLong();
        Out reply;
        String what = "call";
        try {
            String ifaceName = in.readName();
            int index = in.readInt();
            String key = in.readName();
            what = ifaceName + "." + key;
            Class<?> iface = interfaces.get(ifaceName);
            if (iface == null) {
                throw new IllegalStateException(ifaceName + ": not served by this plugin");
            }
            Calls.Target target = Calls.method(iface, key);
            Type[] parameters = target.parameters();
            int n = in.readInt();
            if (n != parameters.length) {
                throw new IllegalStateException(what + ": " + n + " arguments received, " + parameters.length
                        + " expected");
            }
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) {
                args[i] = Codec.read(in, parameters[i]); // the parameter types are the schema: nothing else is built
            }
            in.expectEnd("call");
            Object result = invoke(iface, index, target.method(), args);
            reply = Out.frame(Frames.RESULT);
            reply.writeLong(id);
            Codec.write(reply, result, target.returnType());
            if (reply.size() > Frames.MAX_FRAME) {
                reply = error(id, new IllegalStateException(what + ": the result encodes to " + reply.size()
                        + " bytes, more than the " + Frames.MAX_FRAME + " a reply may carry"));
            }
        } catch (InvocationTargetException e) {
            reply = error(id, e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError | StackOverflowError e) {
            reply = error(id, new IllegalStateException(what + ": " + e, e)); // StackOverflowError: plugin code
        }
        try {
            send(reply);
        } catch (IOException e) {
            // the host is gone; the reading thread notices and the child exits
        }
    }

    private Object invoke(Class<?> iface, int index, Method m, Object[] args) throws ReflectiveOperationException {
        List<?> handles = host.extensions(iface);
        if (index >= handles.size()) {
            throw new IllegalStateException(iface.getName() + " #" + index + ": not available, the plugin serves "
                    + handles.size());
        }
        return m.invoke(handles.get(index), args);
    }

    private static Out error(long id, Throwable t) {
        try {
            Out reply = Out.frame(Frames.ERROR);
            reply.writeLong(id);
            Throwables.write(reply, t);
            return reply;
        } catch (RuntimeException | StackOverflowError e) { // the plugin's exception failed while being written
            Out reply = Out.frame(Frames.ERROR);
            reply.writeLong(id);
            Throwables.write(reply, new IllegalStateException(t.getClass().getName() + " was thrown but could not"
                    + " be sent: " + e));
            return reply;
        }
    }

    private void send(Out frame) throws IOException {
        if (frames == null) {
            Frames.write(ch, frame); // READY, before the calls: nothing else writes yet
        } else {
            frames.queue(frame); // CallWorkers flushes it
        }
    }

    private static String describe(PluginInfo info) {
        List<String> lines = new ArrayList<>();
        info.problems().forEach(f -> lines.add(f.toString()));
        info.failureCause().ifPresent(t -> lines.add("cause: " + t));
        return "plugin " + info.id() + " is " + info.state() + (lines.isEmpty() ? "" : ":\n"
                + lines.stream().collect(Collectors.joining("\n")));
    }
}
