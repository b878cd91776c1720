package dev.plinth.remote;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * One plugin jar running in a child JVM, served to the host through proxies of the host's own extension
 * interfaces.
 *
 * <pre>{@code
 * try (RemotePlugin plugin = RemotePlugin.launch(RemoteOptions.builder()
 *         .jar(Path.of("plugins/uppercase.jar"))
 *         .hostApiClasspath(List.of(apiJar))
 *         .sharedPackages("com.acme.api")
 *         .build())) {
 *     List<Filter> filters = plugin.extensions(Filter.class);
 *     filters.get(0).apply("hello");            // crosses the process boundary
 * }
 * }</pre>
 *
 * <h2>Errors</h2>
 * An exception thrown by plugin code arrives as {@link RemotePluginException}. A call that times out, or whose
 * child exits or is killed, fails with {@link RemoteFaultException}; the child is restarted (see
 * {@link RemoteState}) and the next call goes to the new one. Calls after {@link #close()} or in state
 * {@code FAILED} throw {@code PluginUnavailableException}.
 *
 * <h2>Threading</h2>
 * Safe for use from many threads; concurrent calls share one connection and run concurrently in the child.
 */
public final class RemotePlugin implements AutoCloseable {
    private final Supervisor supervisor;

    private RemotePlugin(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    /**
     * Starts a child JVM for the plugin and returns once it serves.
     *
     * @throws dev.plinth.runtime.PluginException when the child does not come up, the plugin fails to start in
     *                                            it, or an extension interface has a method whose types cannot
     *                                            cross a process boundary (the message names the method)
     */
    public static RemotePlugin launch(RemoteOptions options) {
        Objects.requireNonNull(options, "options == null");
        Supervisor s = new Supervisor(options, pluginIdOf(options.jar()));
        s.launch();
        return new RemotePlugin(s);
    }

    /** The plugin id: the jar's {@code Plugin-Id}, else its file name without {@code .jar}. */
    public String id() {
        return supervisor.pluginId;
    }

    /**
     * Proxies for every extension of {@code type} the plugin serves, in the order of its services file. A proxy
     * stays valid across restarts and reloads.
     *
     * @throws IllegalArgumentException when a method of {@code type} has a type that cannot cross a process
     *                                  boundary
     */
    public <T> List<T> extensions(Class<T> type) {
        Objects.requireNonNull(type, "type == null");
        TypeCheck.check(type);
        int count = supervisor.served().getOrDefault(type.getName(), 0);
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    new RemoteInvoker(supervisor, type, i))));
        }
        return List.copyOf(out);
    }

    public RemoteState state() {
        return supervisor.state();
    }

    /** The process id of the child serving now; empty while restarting or after close. */
    public OptionalLong pid() {
        Child c = supervisor.current();
        return c == null ? OptionalLong.empty() : OptionalLong.of(c.pid());
    }

    /** Tells {@code listener} about starts, crashes, restarts, reloads and the close; called on internal threads. */
    public void addListener(Consumer<? super RemoteEvent> listener) {
        supervisor.addListener(Objects.requireNonNull(listener, "listener == null"));
    }

    /** Starts a fresh child for the same jar and switches to it once it serves; see {@link #reload(Path)}. */
    public void reload() {
        supervisor.reload(null);
    }

    /**
     * Starts a child for {@code jar} and, once its handshake and plugin start succeed, sends new calls to it; calls
     * already sent to the old child finish there (up to the call time-out) before it is stopped. On failure the
     * old child keeps serving and this throws.
     */
    public void reload(Path jar) {
        supervisor.reload(Objects.requireNonNull(jar, "jar == null"));
    }

    /** Stops the child (its plugin's {@code stop} runs, bounded by 5 s) and refuses further calls; idempotent. */
    @Override
    public void close() {
        supervisor.close();
    }

    /** How many calls wait for the current child; for tests. */
    int callsInFlight() {
        Child c = supervisor.current();
        return c == null ? 0 : c.link.inFlight().size();
    }

    private static String pluginIdOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest m = file.getManifest();
            String id = m == null ? null : m.getMainAttributes().getValue("Plugin-Id");
            if (id != null && !id.isBlank()) {
                return id.trim();
            }
        } catch (IOException e) {
            // unreadable here: the child's plugin host reports it with a finding
        }
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    }
}
