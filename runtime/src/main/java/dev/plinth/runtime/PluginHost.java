package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads plugin jars into isolated class loaders and hands the host its extensions through host-owned interfaces.
 *
 * <pre>{@code
 * try (PluginHost host = PluginHost.builder()
 *         .sharedPackages("com.acme.pipeline.api")
 *         .pluginDirectory(Path.of("plugins"))
 *         .build()) {
 *     host.start();                          // never throws because a plugin is bad
 *     host.plugins().forEach(System.out::println);
 *     List<Filter> filters = host.extensions(Filter.class);
 * }
 * }</pre>
 *
 * <h2>Plan, then load</h2>
 * {@link #resolve()} reads and verifies every jar and settles which may load, defining no class and running no
 * plugin code; {@link #plugins()} then shows the plan. {@link #start()} resolves if needed, then loads and starts.
 *
 * <h2>Errors</h2>
 * A bad plugin never makes these methods throw: it ends in {@link PluginState#FAILED} with findings. They throw only
 * for programmer mistakes (e.g. {@code start()} after {@code close()}).
 *
 * <h2>Threading</h2>
 * Safe for use from many threads. {@link #extensions}, {@link #plugins} and {@link #findings} never block on plugin
 * code: they read immutable snapshots, also while {@link #start} runs. {@code resolve}, {@code start} and
 * {@code close} are serialised.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostConfig config;
    private final HostApi api;
    private final Lifecycle lifecycle;
    private final Object lifecycleLock = new Object();
    private volatile List<PluginRecord> records = List.of();
    private volatile List<Finding> hostFindings = List.of();
    private volatile Registry registry = Registry.EMPTY;
    private boolean resolved;
    private boolean started;
    private boolean closed;

    PluginHost(HostConfig config) {
        this.config = config;
        this.api = HostApi.of(config.sharedPackages(), config.hostLoader());
        PluginLoader loader = new PluginLoader(config, api, new ShadowStore(config.workDirectory().resolve("shadow")));
        this.lifecycle = new Lifecycle(config, loader, this::publish);
    }

    /** A builder; name at least the shared API packages. */
    public static PluginHostBuilder builder() {
        return new PluginHostBuilder();
    }

    /** Reads and verifies every plugin jar without defining a class; idempotent. */
    public void resolve() {
        synchronized (lifecycleLock) {
            requireOpen();
            if (resolved) {
                return;
            }
            LOG.info("plugin paths resolve against {} {}; work directory {}", config.baseDirectorySource(),
                    config.baseDirectory(), config.workDirectory());
            Discovery discovery = new Discovery(config, Verifier.forHost(api));
            records = List.copyOf(discovery.plan());
            hostFindings = List.copyOf(discovery.hostFindings());
            resolved = true;
        }
    }

    /** Loads and starts every plugin that resolved; returns when each has started, failed or timed out. */
    public void start() {
        synchronized (lifecycleLock) {
            requireOpen();
            if (started) {
                throw new IllegalStateException("start: already started");
            }
            resolve();
            started = true;
            lifecycle.startAll(records);
            long ok = records.stream().filter(r -> r.state() == PluginState.STARTED).count();
            LOG.info("{} of {} plugins started", ok, records.size());
        }
    }

    /** A snapshot of every plugin found, ordered by path. */
    public List<PluginInfo> plugins() {
        return records.stream().map(PluginRecord::snapshot).toList();
    }

    /** A snapshot of one plugin. */
    public Optional<PluginInfo> plugin(String id) {
        Objects.requireNonNull(id, "id == null");
        return records.stream().filter(r -> r.id().equals(id)).findFirst().map(PluginRecord::snapshot);
    }

    /** Every finding: paths that did not resolve, then each plugin's, without repeats. */
    public List<Finding> findings() {
        Set<Finding> all = new LinkedHashSet<>(hostFindings);
        records.forEach(r -> all.addAll(r.snapshot().findings()));
        return new ArrayList<>(all);
    }

    /**
     * Handles to every extension of {@code type} from started plugins, ordered by plugin id. A handle sets the
     * thread context class loader to its plugin's loader for each call; once the plugin stops, calling it throws
     * {@link PluginUnavailableException}, and it does not keep the plugin's classes alive.
     *
     * @throws IllegalArgumentException when {@code type} has the name of an extension interface but was loaded by
     *                                  another class loader than the host API's
     */
    public <T> List<T> extensions(Class<T> type) {
        Objects.requireNonNull(type, "type == null");
        return registry.handles(type);
    }

    /** The absolute directory relative plugin paths resolve against. */
    public Path baseDirectory() {
        return config.baseDirectory();
    }

    /** Stops and unloads every plugin, each bounded by the stop time-out; idempotent. */
    @Override
    public void close() {
        synchronized (lifecycleLock) {
            if (closed) {
                return;
            }
            closed = true;
            lifecycle.stopAll(records);
            if (config.ownsWorkDirectory()) {
                WorkDirectories.delete(config.workDirectory());
            }
        }
    }

    private void publish() {
        synchronized (this) {
            registry = Registry.of(records);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("host is closed");
        }
    }
}
