package dev.plinth.runtime;

import dev.plinth.runtime.internal.CallTarget;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.Location;
import dev.plinth.verify.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads plugin jars into isolated class loaders, hands the host its extensions through host-owned interfaces, and
 * unloads and hot-reloads them.
 *
 * <pre>{@code
 * try (PluginHost host = PluginHost.builder()
 *         .sharedPackages("com.acme.pipeline.api")
 *         .pluginDirectory(Path.of("plugins")).build()) {
 *     host.start();                          // never throws because a plugin is bad
 *     List<Filter> filters = host.extensions(Filter.class);
 *     host.reload("uppercase");              // the handles in filters now call the new generation
 * }
 * }</pre>
 *
 * <h2>Plan, then load</h2>
 * {@link #resolve()} reads and verifies every jar and settles which may load, running no plugin code;
 * {@link #plugins()} then shows the plan. {@link #start()} resolves if needed, then loads and starts.
 *
 * <h2>Errors</h2>
 * A bad plugin never makes these methods throw: it ends in {@link PluginState#FAILED} with findings, and a failed
 * reload leaves the old generation serving. They throw only for programmer mistakes (an unknown plugin id, a
 * method called after {@code close()}).
 *
 * <h2>Threading</h2>
 * Safe for use from many threads. {@link #extensions}, {@link #plugins} and {@link #findings} read immutable
 * snapshots and never block on plugin code. {@code add}, {@code reload} and {@code unload} are serialised per plugin
 * (with the plugins it depends on, and for a reload its dependents), never host-wide; {@code start} and
 * {@code close} take every plugin's turn. Listeners are called once the method that caused their events has
 * released every lock, so a listener may call back into the host.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostConfig config;
    private final Lifecycle lifecycle;
    private final Discovery discovery;
    private final Events events;
    private final PluginLocks locks = new PluginLocks();
    private final Turns turns;
    private final Object resolveLock = new Object();
    /** The state.all(); its monitor also guards the flags, briefly, never across plugin code or a wait. */
    private final HostRecords state = new HostRecords();
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private final JarChanges jarChanges;
    private volatile Plan plan;
    private volatile boolean resolved;
    private volatile boolean started;
    private volatile boolean closed;

    PluginHost(HostConfig config) {
        this.config = config;
        HostApi api = HostApi.of(config.sharedPackages(), config.hostLoader());
        this.events = new Events(config.listeners(), locks::anyHeld);
        this.discovery = new Discovery(config, config.verify() ? Verifier.forHost(api) : null); // off: never used
        PluginLoader loader = new PluginLoader(config, api, discovery.shadows(),
                r -> ChildEvents.of(r, events, state::republish), type -> PluginExtensions.of(state.all(), type));
        this.lifecycle = new Lifecycle(config, loader, events);
        this.jarChanges = JarChanges.of(state::all, events);
        this.turns = new Turns(state, locks, discovery, config.shadowDirectory());
        state.onServing(jarChanges::track);
    }

    /** A builder; name at least the shared API packages. */
    public static PluginHostBuilder builder() {
        return new PluginHostBuilder();
    }

    /** Reads and verifies every plugin jar without defining a class; idempotent. */
    public void resolve() {
        try {
            synchronized (resolveLock) {
                requireOpen();
                if (!resolved) {
                    LOG.info("plugin paths resolve against {} {}; work directory {}", config.baseDirectorySource(),
                            config.baseDirectory(), config.workDirectory());
                    List<PluginRecord> planned = List.copyOf(discovery.plan());
                    state.plan(planned);
                    plan = Plan.of(planned);
                    events.failedOf(planned);
                    resolved = true;
                }
            }
        } finally {
            events.flush();
        }
    }

    /** Loads and starts every plugin that resolved; returns when each has started, failed or timed out. */
    public void start() {
        try {
            resolve();
            PluginLocks.Held every = locks.lock(state.ids());
            try {
                synchronized (state) {
                    requireOpen();
                    if (started) {
                        throw new IllegalStateException("start: already started");
                    }
                    started = true;
                }
                for (List<PluginRecord> level : DependencyLinks.levels(state.all())) { // every plugin after its needs
                    List<PluginRecord> ready = DependencyLinks.linkAll(level, state.all(), events);
                    lifecycle.startAll(ready, r -> state.activate(r, null, new ArrayList<>()));
                }
                LOG.info("{} of {} plugins started", state.startedCount(), state.all().size());
            } finally {
                every.close();
            }
        } finally {
            events.flush();
        }
    }

    /** Loads one more plugin jar into a started host; its findings say why when it does not start. */
    public PluginInfo add(Path jar) {
        Objects.requireNonNull(jar, "jar == null");
        try {
            requireStarted("add");
            return turns.planned(jar, null, this::addInTurn);
        } finally {
            events.flush();
        }
    }

    private PluginInfo addInTurn(PluginRecord next) {
        synchronized (state) {
            requireStarted("add");
            if (!state.admit(next)) {
                return next.snapshot();
            }
        }
        if (next.state() == PluginState.FAILED) {
            events.failed(next.snapshot());
        } else if (next.state() == PluginState.RESOLVED && DependencyLinks.link(next, state.all(), events)) {
            lifecycle.startAndWait(next, r -> state.activate(r, null, new ArrayList<>()));
        }
        return next.snapshot();
    }

    /** Reloads a plugin from the jar it was loaded from; see {@link #reload(String, Path)}. */
    public ReloadReport reload(String id) {
        requireStarted("reload");
        return reload(id, state.require(Objects.requireNonNull(id, "id == null")).path);
    }

    /**
     * Replaces a plugin with the generation in {@code jar}: verified and started before the old one is retired, so
     * calls never fail and each runs entirely on one generation. Handles the host holds follow the new generation.
     * Started plugins that depend on it are reloaded from their jars onto the new generation in the same step, all
     * or none. When a new generation fails verification or start, the old ones keep serving and the report says why.
     */
    public ReloadReport reload(String id, Path jar) {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(jar, "jar == null");
        try {
            requireStarted("reload");
            state.require(id);
            return turns.planned(jar, id, next -> reloadInTurn(id, next));
        } finally {
            events.flush();
        }
    }

    private ReloadReport reloadInTurn(String id, PluginRecord next) {
        PluginRecord old;
        List<PluginRecord> dependents;
        synchronized (state) {
            requireStarted("reload");
            old = state.require(id);
            dependents = DependencyLinks.allDependents(id, state.all());
        }
        if (!next.id().equals(id)) {
            next.refuse(Finding.error(FindingCode.DESCRIPTOR_INVALID, next.id(), Location.of(next.path),
                    next.path.getFileName() + ": declares Plugin-Id " + next.id() + ", not " + id,
                    "reload a jar of the same plugin, or add() it as a new one"));
        }
        if (!dependents.isEmpty() && old.state() == PluginState.STARTED && next.state() == PluginState.RESOLVED) {
            return new DependentsReload(state, discovery, lifecycle, events, config.shadowDirectory())
                    .reload(old, next, dependents);
        }
        List<CallTarget> retired = new ArrayList<>();
        boolean ok = next.state() == PluginState.RESOLVED && DependencyLinks.link(next, state.all(), events)
                && lifecycle.startAndWait(next, r -> state.activate(r, old, retired));
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

    /**
     * Stops and unloads a plugin: drains its calls, runs {@code stop}, shuts down its executors, stops threads it
     * left, undoes its JVM registrations, and polls for its class loader to be collected.
     */
    public UnloadReport unload(String id) {
        Objects.requireNonNull(id, "id == null");
        try {
            requireOpen();
            PluginLocks.Held turn = locks.lock(Set.of(state.require(id).id()));
            try {
                return unloadInTurn(id);
            } finally {
                turn.close();
            }
        } finally {
            events.flush();
        }
    }

    private UnloadReport unloadInTurn(String id) {
        HostRecords.Retiring out;
        synchronized (state) {
            requireOpen();
            out = state.takeOutOfService(id);
        }
        return lifecycle.retire(out.record(), out.targets(), true);
    }

    /**
     * Disables a plugin at run time (PF4J's {@code disablePlugin}): a started one is unloaded as by {@link #unload}
     * (refused while started plugins depend on it); it stays listed as {@code DISABLED}, and {@code add} of its jar
     * leaves it so, until {@link #enable}.
     */
    public PluginInfo disable(String id) {
        requireStarted("disable");
        PluginLocks.Held turn = locks.lock(Set.of(state.require(Objects.requireNonNull(id, "id == null")).id()));
        try {
            PluginRecord r = state.require(id);
            if (r.state() == PluginState.STARTED) {
                unloadInTurn(id); // its events are delivered below, once the turn is released
            }
            discovery.disabled(id, true);
            state.disable(r);
            return r.snapshot();
        } finally {
            turn.close();
            events.flush();
        }
    }

    /** Loads a plugin that {@code disable} or the builder disabled, from its jar, as {@link #add} does. */
    public PluginInfo enable(String id) {
        requireStarted("enable");
        PluginRecord r = state.require(Objects.requireNonNull(id, "id == null"));
        if (r.state() != PluginState.DISABLED) {
            throw new IllegalStateException("enable: plugin " + id + " is " + r.state() + ", not DISABLED");
        }
        discovery.disabled(id, false);
        return add(r.path);
    }

    /**
     * Compares each started plugin's jar on disk with what was loaded now: a changed, deleted or unreadable jar gets
     * a {@code jar-changed} warning with both hashes (also in the plugin's findings; the host also raises it by itself,
     * with a {@code JAR_CHANGED} event, when it sees the file change). The loaded version keeps serving.
     */
    public List<Finding> verifyIntegrity() {
        return Integrity.checkStarted(state.all());
    }

    /** The plan {@link #resolve()} made (resolving first if needed): what may load, in which order, and why not. */
    public Plan plan() {
        resolve();
        return plan;
    }

    /** A snapshot of every plugin, ordered by path; reloaded plugins show their serving generation. */
    public List<PluginInfo> plugins() {
        return state.all().stream().map(PluginRecord::snapshot).toList();
    }

    /** A snapshot of one plugin. */
    public Optional<PluginInfo> plugin(String id) {
        Objects.requireNonNull(id, "id == null");
        return state.find(id).map(PluginRecord::snapshot);
    }

    /** Every finding: paths that did not resolve, then each plugin's, without repeats. */
    public List<Finding> findings() {
        Set<Finding> all = new LinkedHashSet<>(discovery.hostFindings());
        state.all().forEach(r -> all.addAll(r.snapshot().findings()));
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
        return state.registry().handles(type);
    }

    /** The handles of {@link #extensions(Class)} that one plugin provides, in the same order; empty if none. */
    public <T> List<T> extensions(Class<T> type, String pluginId) {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(pluginId, "pluginId == null");
        return state.registry().handles(type, pluginId);
    }

    /**
     * The plugin a handle returned by {@link #extensions(Class)} belongs to, as it is now (id, version, state, ...);
     * empty for an object that is not a handle of a started plugin of this host.
     */
    public Optional<PluginInfo> pluginOf(Object handle) {
        Objects.requireNonNull(handle, "handle == null");
        return Optional.ofNullable(state.registry().pluginOf(handle)).flatMap(this::plugin);
    }

    /** The absolute directory relative plugin paths resolve against. */
    public Path baseDirectory() {
        return config.baseDirectory();
    }

    /**
     * Stops and unloads every plugin, each bounded by the stop time-out, after the lifecycle calls already running
     * have ended; idempotent, and a second call returns when the first has finished.
     */
    @Override
    public void close() {
        try {
            Set<String> known = null;
            synchronized (state) {
                if (!closed) {
                    closed = true;
                    known = state.ids();
                }
            }
            if (known == null) {
                try {
                    closeDone.await(); // a second close() returns when the first has finished
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            PluginLocks.Held every = locks.lock(known);
            try {
                lifecycle.retireEverything(state);
            } finally {
                lifecycle.stopWatching();
                jarChanges.close();
                every.close();
                closeDone.countDown();
            }
            if (config.ownsWorkDirectory()) {
                WorkDirectories.delete(config.workDirectory());
            }
        } finally {
            events.flush();
        }
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
