package dev.plinth.runtime;

import dev.plinth.runtime.internal.CallTarget;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.Location;
import dev.plinth.verify.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads plugin jars into isolated class loaders, hands the host its extensions through host-owned interfaces, and
 * unloads and hot-reloads them.
 *
 * <pre>{@code
 * try (PluginHost host = PluginHost.builder()
 *         .sharedPackages("com.acme.pipeline.api")
 *         .pluginDirectory(Path.of("plugins"))
 *         .build()) {
 *     host.start();                          // never throws because a plugin is bad
 *     List<Filter> filters = host.extensions(Filter.class);
 *     host.reload("uppercase");              // the handles in filters now call the new generation
 * }
 * }</pre>
 *
 * <h2>Plan, then load</h2>
 * {@link #resolve()} reads and verifies every jar and settles which may load, defining no class and running no
 * plugin code; {@link #plugins()} then shows the plan. {@link #start()} resolves if needed, then loads and starts.
 *
 * <h2>Errors</h2>
 * A bad plugin never makes these methods throw: it ends in {@link PluginState#FAILED} with findings, and a failed
 * reload leaves the old generation serving. They throw only for programmer mistakes (an unknown plugin id, a
 * method called after {@code close()}).
 *
 * <h2>Threading</h2>
 * Safe for use from many threads. {@link #extensions}, {@link #plugins} and {@link #findings} never block on plugin
 * code: they read immutable snapshots, also while another method runs. {@code resolve}, {@code start},
 * {@code add}, {@code reload}, {@code unload} and {@code close} are serialised.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostConfig config;
    private final Lifecycle lifecycle;
    private final Discovery discovery;
    private final Events events;
    private final Object lifecycleLock = new Object();
    private final Object publishLock = new Object();
    private volatile List<PluginRecord> records = List.of();
    private volatile Registry registry = Registry.EMPTY;
    private boolean resolved;
    private boolean started;
    private boolean closed;

    PluginHost(HostConfig config) {
        this.config = config;
        HostApi api = HostApi.of(config.sharedPackages(), config.hostLoader());
        this.events = new Events(config.listeners());
        this.discovery = new Discovery(config, Verifier.forHost(api));
        PluginLoader loader = new PluginLoader(config, api, new ShadowStore(config.workDirectory().resolve("shadow")),
                r -> ChildEvents.of(r, events, this::republish));
        this.lifecycle = new Lifecycle(config, loader, events);
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
            records = List.copyOf(discovery.plan());
            records.stream().filter(r -> r.state() == PluginState.FAILED).forEach(r -> events.failed(r.snapshot()));
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
            for (List<PluginRecord> level : DependencyLinks.levels(records)) { // every plugin after what it needs
                List<PluginRecord> ready = level.stream().filter(r -> r.state() != PluginState.RESOLVED
                        || DependencyLinks.link(r, records, events)).toList();
                lifecycle.startAll(ready, r -> activate(r, null, new ArrayList<>()));
            }
            long ok = records.stream().filter(r -> r.state() == PluginState.STARTED).count();
            LOG.info("{} of {} plugins started", ok, records.size());
        }
    }

    /** Loads one more plugin jar into a started host; its findings say why when it does not start. */
    public PluginInfo add(Path jar) {
        Objects.requireNonNull(jar, "jar == null");
        synchronized (lifecycleLock) {
            requireStarted("add");
            PluginRecord next = discovery.planOne(jar, this::loadedArchive);
            records.stream().filter(r -> r.state() == PluginState.FAILED)
                    .filter(r -> r.id().equals(next.id()) || r.path.equals(next.path))
                    .forEach(failed -> replace(failed, null)); // a new attempt replaces a failed one
            Optional<PluginRecord> same = find(next.id());
            if (same.isPresent()) {
                refuse(next, Finding.error(FindingCode.DUPLICATE_PLUGIN_ID, next.id(), Location.of(next.path),
                        next.id() + ": plugin id already loaded from " + same.get().path + "; " + next.path
                                + " is not loaded", "reload the plugin instead of adding it"));
                return next.snapshot();
            }
            if (next.state() == PluginState.FAILED) {
                replace(null, next);
                events.failed(next.snapshot());
                return next.snapshot();
            }
            replace(null, next);
            if (DependencyLinks.link(next, records, events)) {
                lifecycle.startAndWait(next, r -> activate(r, null, new ArrayList<>()));
            }
            return next.snapshot();
        }
    }

    /** Reloads a plugin from the jar it was loaded from; see {@link #reload(String, Path)}. */
    public ReloadReport reload(String id) {
        Objects.requireNonNull(id, "id == null");
        synchronized (lifecycleLock) {
            return reload(id, require(id).path);
        }
    }

    /**
     * Replaces a plugin with the generation in {@code jar}: verified and started before the old one is retired, so
     * calls never fail and each runs entirely on one generation. Handles the host holds follow the new generation.
     * When the new jar fails verification or start, the old generation keeps serving and the report says why.
     */
    public ReloadReport reload(String id, Path jar) {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(jar, "jar == null");
        synchronized (lifecycleLock) {
            requireStarted("reload");
            PluginRecord old = require(id);
            DependencyLinks.requireNoDependents("reload", id, records);
            PluginRecord next = discovery.planOne(jar, this::loadedArchive);
            if (!next.id().equals(id)) {
                refuse(next, Finding.error(FindingCode.DESCRIPTOR_INVALID, next.id(), Location.of(next.path),
                        next.path.getFileName() + ": declares Plugin-Id " + next.id() + ", not " + id,
                        "reload a jar of the same plugin, or add() it as a new one"));
            }
            List<CallTarget> retired = new ArrayList<>();
            boolean ok = next.state() == PluginState.RESOLVED && DependencyLinks.link(next, records, events)
                    && lifecycle.startAndWait(next, r -> activate(r, old, retired));
            if (!ok) {
                LOG.warn("reload of {} from {} failed; {} keeps serving", id, next.path, old.descriptor.coordinates());
                return new ReloadReport(id, next.path, old.descriptor.version(), next.descriptor.version(), false,
                        next.snapshot().findings(), null);
            }
            UnloadReport unload = old.state() == PluginState.STARTED ? lifecycle.retire(old, retired, true) : null;
            LOG.info("reloaded plugin {} -> {} from {}", old.descriptor.coordinates(), next.descriptor.version(),
                    next.path);
            events.reloaded(next.snapshot(), unload);
            return new ReloadReport(id, next.path, old.descriptor.version(), next.descriptor.version(), true,
                    next.snapshot().findings(), unload);
        }
    }

    /**
     * Stops and unloads a plugin: drains its calls, runs {@code stop}, shuts down its executors, stops threads it
     * left, undoes its JVM registrations, and polls for its class loader to be collected.
     */
    public UnloadReport unload(String id) {
        Objects.requireNonNull(id, "id == null");
        synchronized (lifecycleLock) {
            requireOpen();
            PluginRecord r = require(id);
            if (r.state() != PluginState.STARTED) {
                throw new IllegalStateException("unload: plugin " + id + " is " + r.state() + ", not STARTED");
            }
            DependencyLinks.requireNoDependents("unload", id, records);
            List<CallTarget> retired = new ArrayList<>();
            synchronized (publishLock) {
                r.extensions.forEach(e -> {
                    CallTarget t = e.slot().retire("plugin " + id + " was unloaded");
                    if (t != null) {
                        retired.add(t);
                    }
                });
                replace(r, null);
            }
            return lifecycle.retire(r, retired, true);
        }
    }

    /**
     * Compares each started plugin's jar on disk with what was loaded: a changed, deleted or unreadable jar gets a
     * {@code jar-changed} warning with both hashes (also added to the plugin's findings). The loaded version keeps
     * serving from its shadow copy until the plugin is reloaded.
     */
    public List<Finding> verifyIntegrity() {
        List<Finding> changed = new ArrayList<>();
        for (PluginRecord r : records) {
            if (r.state() == PluginState.STARTED) {
                Integrity.check(r).ifPresent(changed::add);
            }
        }
        return changed;
    }

    /** A snapshot of every plugin, ordered by path; reloaded plugins show their serving generation. */
    public List<PluginInfo> plugins() {
        return records.stream().map(PluginRecord::snapshot).toList();
    }

    /** A snapshot of one plugin. */
    public Optional<PluginInfo> plugin(String id) {
        Objects.requireNonNull(id, "id == null");
        return find(id).map(PluginRecord::snapshot);
    }

    /** Every finding: paths that did not resolve, then each plugin's, without repeats. */
    public List<Finding> findings() {
        Set<Finding> all = new LinkedHashSet<>(discovery.hostFindings());
        records.forEach(r -> all.addAll(r.snapshot().findings()));
        return new ArrayList<>(all);
    }

    /**
     * Handles to every extension of {@code type} from started plugins, ordered by {@code @Extension(ordinal)} (lower
     * first; 0 without the annotation), then by plugin id, then by the order of the services file. A handle sets the
     * thread context class loader to its plugin's loader for each call; after a reload it calls the new
     * generation; once the plugin is unloaded, calling it throws {@link PluginUnavailableException}, and it does
     * not keep the plugin's classes alive.
     *
     * @throws IllegalArgumentException when {@code type} has the name of an extension interface but was loaded by
     *                                  another class loader than the host API's
     */
    public <T> List<T> extensions(Class<T> type) {
        Objects.requireNonNull(type, "type == null");
        return registry.handles(type);
    }

    /** The handles of {@link #extensions(Class)} that one plugin provides, in the same order; empty if none. */
    public <T> List<T> extensions(Class<T> type, String pluginId) {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(pluginId, "pluginId == null");
        Registry current = registry;
        return current.handles(type).stream().filter(h -> pluginId.equals(current.pluginOf(h))).toList();
    }

    /**
     * The plugin a handle returned by {@link #extensions(Class)} belongs to, as it is now (id, version, state, ...);
     * empty for an object that is not a handle of a started plugin of this host.
     */
    public Optional<PluginInfo> pluginOf(Object handle) {
        Objects.requireNonNull(handle, "handle == null");
        String id = registry.pluginOf(handle);
        return id == null ? Optional.empty() : plugin(id);
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
            Map<PluginRecord, List<CallTarget>> serving = new LinkedHashMap<>();
            synchronized (publishLock) {
                for (PluginRecord r : records) {
                    if (r.state() == PluginState.STARTED) {
                        List<CallTarget> targets = new ArrayList<>();
                        r.extensions.forEach(e -> {
                            CallTarget t = e.slot().retire("plugin " + r.id() + " was unloaded");
                            if (t != null) {
                                targets.add(t);
                            }
                        });
                        serving.put(r, targets);
                    }
                }
                registry = Registry.EMPTY;
            }
            List<List<PluginRecord>> levels = DependencyLinks.levels(records);
            for (int i = levels.size() - 1; i >= 0; i--) { // dependents stop before what they depend on
                Map<PluginRecord, List<CallTarget>> level = new LinkedHashMap<>();
                levels.get(i).stream().filter(serving::containsKey).forEach(r -> level.put(r, serving.get(r)));
                lifecycle.retireAll(level);
            }
            if (config.ownsWorkDirectory()) {
                WorkDirectories.delete(config.workDirectory());
            }
        }
    }

    private void republish() {
        synchronized (publishLock) {
            registry = Registry.of(records);
        }
    }

    /**
     * On the start thread: puts {@code next} into service in place of {@code previous} and makes it
     * {@code STARTED}, in one step under the publish lock; adds the targets it replaced to {@code retired}. False
     * when {@code next} is no longer starting (it timed out); throws, having changed nothing, when it cannot serve.
     */
    private boolean activate(PluginRecord next, PluginRecord previous, List<CallTarget> retired) {
        synchronized (publishLock) {
            Activation activation = Activation.prepare(next, previous);
            if (!next.startIf(() -> retired.addAll(activation.commit()))) {
                return false;
            }
            replace(previous, next);
            return true;
        }
    }

    /** Swaps {@code previous} for {@code next} in the records (either may be null) and republishes. */
    private void replace(PluginRecord previous, PluginRecord next) {
        synchronized (publishLock) {
            List<PluginRecord> updated = new ArrayList<>(records);
            int at = previous == null ? -1 : updated.indexOf(previous);
            if (at >= 0 && next != null) {
                updated.set(at, next);
            } else {
                updated.remove(previous);
                if (next != null && !updated.contains(next)) {
                    updated.add(next);
                }
            }
            records = List.copyOf(updated);
            registry = Registry.of(records);
        }
    }

    /** Fails a planned generation that may not load, before any of its code ran; logs the finding. */
    private static void refuse(PluginRecord next, Finding why) {
        if (next.failIf(next.state(), why, null)) {
            FindingLog.log(why);
        }
    }

    private Optional<PluginRecord> find(String id) {
        return records.stream().filter(r -> r.id().equals(id) && r.state() != PluginState.FAILED).findFirst()
                .or(() -> records.stream().filter(r -> r.id().equals(id)).findFirst());
    }

    private Optional<dev.plinth.verify.PluginArchive> loadedArchive(String id) {
        return DependencyLinks.loadedArchive(id, records, config.workDirectory());
    }

    private PluginRecord require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no plugin with id '" + id + "'"));
    }

    private void requireStarted(String what) {
        requireOpen();
        if (!started) {
            throw new IllegalStateException(what + ": call start() first");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("host is closed");
        }
    }
}
