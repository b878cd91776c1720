package dev.plinth.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link PluginHost}.
 *
 * <h2>Paths</h2>
 * Relative plugin paths resolve against the base directory: {@link #baseDirectory} if set, else the system property
 * {@code plinth.home}, else the working directory. Which one was used is logged, and every error names the absolute
 * path it tried. The work directory is a fresh temporary directory, deleted on close, unless {@link #workDirectory}
 * is set; the shadow copies of the jars are kept across restarts ({@link #shadowCache(Path)}); each plugin's data
 * directory is {@code <dataDirectory>/<id>}.
 *
 * <h2>Time-outs</h2>
 * Every time-out must be between 1 ms and 1 h; any other value, such as zero, a negative duration or
 * {@code Duration.ofSeconds(Long.MAX_VALUE)}, is rejected with an {@link IllegalArgumentException} naming it.
 */
public final class PluginHostBuilder {
    /** The shortest time-out accepted. */
    static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    /** The longest time-out accepted. */
    static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    private final List<String> sharedPackages = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();
    private final List<Path> jars = new ArrayList<>();
    private final Map<String, Map<String, String>> configurations = new LinkedHashMap<>();
    private Path baseDirectory;
    private Path workDirectory;
    private Path dataDirectory;
    private Duration startTimeout = Duration.ofSeconds(5);
    private Duration stopTimeout = Duration.ofSeconds(5);
    private int startThreads = StartQueue.defaultSlots();
    private ClassLoader hostLoader;
    private String hostVersion;
    private final java.util.Set<String> disabled = new java.util.TreeSet<>();
    private boolean verify = true;
    private boolean verificationCache = true;
    private boolean skipSwitchWhenProven;
    private Path verificationCacheDirectory;
    private boolean shadowCache = true;
    private Path shadowCacheDirectory;
    private Duration leakCheckTimeout = Duration.ofSeconds(5);
    private Duration leakReportAfter = Duration.ofSeconds(60);
    private Path heapDumpDirectory;
    private final List<PluginListener> listeners = new ArrayList<>();
    private Path lockfile;
    private Isolation isolation = Isolation.IN_PROCESS;
    private final Map<String, Isolation> isolationByPlugin = new LinkedHashMap<>();
    private ProcessOptions processOptions = ProcessOptions.defaults();
    private final Map<String, ProcessOptions> processOptionsByPlugin = new LinkedHashMap<>();

    PluginHostBuilder() {
    }

    /** The host API packages (with their subpackages): always loaded from the host, never from a plugin. */
    public PluginHostBuilder sharedPackages(String... packages) {
        for (String p : packages) {
            sharedPackages.add(Objects.requireNonNull(p, "package == null"));
        }
        return this;
    }

    /**
     * A directory whose {@code *.jar} files, PF4J {@code *.zip} files and plugin directories are plugins (see
     * {@link dev.plinth.verify.PluginLayout}); may be given several times.
     */
    public PluginHostBuilder pluginDirectory(Path directory) {
        directories.add(Objects.requireNonNull(directory, "directory == null"));
        return this;
    }

    /** One plugin: a jar, a PF4J zip, or a plugin directory such as {@code target/classes}; repeatable. */
    public PluginHostBuilder plugin(Path jar) {
        jars.add(Objects.requireNonNull(jar, "jar == null"));
        return this;
    }

    /** The absolute directory that relative plugin paths resolve against. */
    public PluginHostBuilder baseDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory == null");
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("baseDirectory must be absolute: " + directory);
        }
        this.baseDirectory = directory.normalize();
        return this;
    }

    /**
     * The host's own files (the plugins' data directories by default, and the shadow copies and verification cache
     * unless set apart); kept on close when set here.
     */
    public PluginHostBuilder workDirectory(Path directory) {
        this.workDirectory = Objects.requireNonNull(directory, "directory == null").toAbsolutePath().normalize();
        return this;
    }

    /** The parent of each plugin's private data directory; default {@code <workDirectory>/data}. */
    public PluginHostBuilder dataDirectory(Path directory) {
        this.dataDirectory = Objects.requireNonNull(directory, "directory == null").toAbsolutePath().normalize();
        return this;
    }

    /**
     * How long a plugin's static initializers, constructors and {@code start} may take in all; default 5 s.
     *
     * @throws IllegalArgumentException unless between 1 ms and 1 h, as for every time-out here
     */
    public PluginHostBuilder startTimeout(Duration timeout) {
        this.startTimeout = bounded(timeout, "startTimeout");
        return this;
    }

    /**
     * How many plugins {@link PluginHost#start()} starts at once, each on its own thread; default twice the
     * processors, at least 4. Each start's time-out counts from when it begins, and one that times out frees its
     * place at once, so a stuck plugin never holds up the others. Discovery reads (and verifies) as many jars at
     * once.
     */
    public PluginHostBuilder startThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("startThreads must be at least 1: " + count);
        }
        this.startThreads = count;
        return this;
    }

    /** How long a plugin's {@code stop} may take; default 5 s. */
    public PluginHostBuilder stopTimeout(Duration timeout) {
        this.stopTimeout = bounded(timeout, "stopTimeout");
        return this;
    }

    /** The loader that sees the host API; default the thread context class loader at {@link #build()}. */
    public PluginHostBuilder hostClassLoader(ClassLoader loader) {
        this.hostLoader = Objects.requireNonNull(loader, "loader == null");
        return this;
    }

    /**
     * The configuration handed to one plugin through {@code PluginContext.configuration()}.
     *
     * @throws NullPointerException naming the plugin and the key, for a null key or value
     */
    public PluginHostBuilder configuration(String pluginId, Map<String, String> values) {
        Objects.requireNonNull(pluginId, "pluginId == null");
        Objects.requireNonNull(values, "configuration of plugin '" + pluginId + "' == null");
        values.forEach((key, value) -> {
            Objects.requireNonNull(key, "configuration key of plugin '" + pluginId + "' == null");
            Objects.requireNonNull(value, "configuration value for key '" + key + "' of plugin '" + pluginId
                    + "' == null");
        });
        configurations.put(pluginId, Map.copyOf(values));
        return this;
    }

    /** Whether to verify plugins' bytecode at load (default true); off, only reading the jar is checked. */
    public PluginHostBuilder verification(boolean enabled) {
        this.verify = enabled;
        return this;
    }

    /**
     * Lets calls into plugins that verification proved never to consult the thread context class loader leave the
     * caller's in place, instead of setting the plugin's for each call (the default): a trivial call then costs
     * what a direct call does. Off by default: host code such a plugin reaches through JDK types (a callback, a
     * {@code java.util.logging} handler) sees the caller's loader (see {@code docs/runtime.md}).
     */
    public PluginHostBuilder skipContextLoaderSwitchWhenProven() {
        this.skipSwitchWhenProven = true;
        return this;
    }

    /**
     * Where the findings of verified plugins are kept across restarts, so that unchanged jars are not verified
     * again (see {@code docs/runtime.md}); default {@code <workDirectory>/verification-cache} when
     * {@link #workDirectory} is set, else the user's cache directory ({@code $XDG_CACHE_HOME/plinth/verification},
     * or {@code ~/.cache/plinth/verification}). Whoever can write in it can make a plugin pass verification: give
     * it the permissions of the plugin directory.
     */
    public PluginHostBuilder verificationCache(Path directory) {
        this.verificationCacheDirectory = Objects.requireNonNull(directory, "directory == null").toAbsolutePath()
                .normalize();
        this.verificationCache = true;
        return this;
    }

    /** Whether to keep findings of verified plugins across restarts (default true); off, every start verifies. */
    public PluginHostBuilder verificationCache(boolean enabled) {
        this.verificationCache = enabled;
        return this;
    }

    /**
     * Where the shadow copies plugins load from ({@code <sha256>.jar}) are kept across restarts, so that a host
     * starting unchanged jars writes no file; default {@code <workDirectory>/shadow} when {@link #workDirectory} is
     * set, else the user's cache directory ({@code $XDG_CACHE_HOME/plinth/shadow}, or {@code ~/.cache/plinth/shadow}).
     * A copy is used only when its content still has the sha256 it is named by; copies unused for 30 days are
     * deleted. A directory that cannot be made or written is logged (WARN) and the copies go to the work directory.
     */
    public PluginHostBuilder shadowCache(Path directory) {
        this.shadowCacheDirectory = Objects.requireNonNull(directory, "directory == null").toAbsolutePath()
                .normalize();
        this.shadowCache = true;
        return this;
    }

    /**
     * Whether to keep shadow copies across restarts (default true); off, and without a {@link #workDirectory}, each
     * start copies every jar into the temporary work directory, deleted on close.
     */
    public PluginHostBuilder shadowCache(boolean enabled) {
        this.shadowCache = enabled;
        return this;
    }

    /** How long {@code unload} and {@code reload} poll for the old class loader to be collected; default 5 s. */
    public PluginHostBuilder leakCheckTimeout(Duration timeout) {
        this.leakCheckTimeout = bounded(timeout, "leakCheckTimeout");
        return this;
    }

    /**
     * How long an unloaded class loader that is still reachable after {@link #leakCheckTimeout} but whose holder
     * the scan could not name is watched in the background before it is reported as a {@code loader-leak}; default
     * 60 s. Such a loader is often collected a little later, and a leak error must be certain. Set it at least as
     * long as the leak-check time-out.
     */
    public PluginHostBuilder leakReportAfter(Duration window) {
        this.leakReportAfter = bounded(window, "leakReportAfter");
        return this;
    }

    /** Where to write a heap dump when an unloaded class loader is not collected; none by default. */
    public PluginHostBuilder heapDumpOnLeak(Path directory) {
        this.heapDumpDirectory = Objects.requireNonNull(directory, "directory == null").toAbsolutePath().normalize();
        return this;
    }

    /** Adds a listener for plugin events (loaded, failed, reloaded, unloaded, leak). */
    public PluginHostBuilder listener(PluginListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener == null"));
        return this;
    }

    /**
     * Loads only jars pinned by this {@code plinth.lock} (id, version and sha256, as written by {@code plinth lock});
     * any other jar, or every jar if the lockfile cannot be read, is refused with {@code lock-mismatch}. Relative
     * paths resolve against the base directory.
     */
    public PluginHostBuilder lockfile(Path file) {
        this.lockfile = Objects.requireNonNull(file, "file == null");
        return this;
    }

    /**
     * The host's version: a plugin whose {@code Plugin-Requires} range excludes it is refused with
     * {@code host-version}. Without it, {@code Plugin-Requires} is not checked.
     *
     * @throws IllegalArgumentException when it is not a version such as {@code 1.2.0}
     */
    public PluginHostBuilder hostVersion(String version) {
        Objects.requireNonNull(version, "version == null");
        dev.plinth.verify.Version.parse(version);
        this.hostVersion = version.strip();
        return this;
    }

    /**
     * Plugins not to load, by id (PF4J's {@code disabled.txt}): they are still read, verified and reported, in state
     * {@code DISABLED} with an info finding; plugins that need one are refused with {@code dependency-missing}.
     */
    public PluginHostBuilder disable(String... pluginIds) {
        for (String id : pluginIds) {
            disabled.add(Objects.requireNonNull(id, "plugin id == null"));
        }
        return this;
    }

    /** Where plugins run unless {@link #isolation(String, Isolation)} says otherwise; default in process. */
    public PluginHostBuilder isolation(Isolation mode) {
        this.isolation = Objects.requireNonNull(mode, "mode == null");
        return this;
    }

    /**
     * Where one plugin runs; {@code PROCESS} needs {@code plinth-remote} on the class path. An id that no plugin of
     * the configured paths has is refused when the host resolves, with the ids found: a mistyped id would otherwise
     * leave the plugin in process without a word.
     */
    public PluginHostBuilder isolation(String pluginId, Isolation mode) {
        isolationByPlugin.put(Objects.requireNonNull(pluginId, "pluginId == null"),
                Objects.requireNonNull(mode, "mode == null"));
        return this;
    }

    /** How the child JVMs of plugins under {@code PROCESS} run unless set per plugin; see {@link ProcessOptions}. */
    public PluginHostBuilder processOptions(ProcessOptions options) {
        this.processOptions = Objects.requireNonNull(options, "options == null");
        return this;
    }

    /** How one plugin's child JVM runs under {@code PROCESS}; an unknown id is refused as for {@link #isolation}. */
    public PluginHostBuilder processOptions(String pluginId, ProcessOptions options) {
        processOptionsByPlugin.put(Objects.requireNonNull(pluginId, "pluginId == null"),
                Objects.requireNonNull(options, "options == null"));
        return this;
    }

    /** The host, resolved and started by nothing yet; a build that throws leaves no directory behind. */
    public PluginHost build() {
        HostConfig config = config();
        try {
            return new PluginHost(config);
        } catch (RuntimeException | Error e) { // e.g. a shared package name that is not one
            if (config.ownsWorkDirectory()) {
                WorkDirectories.delete(config.workDirectory());
            }
            throw e;
        }
    }

    /** The settled configuration; makes the temporary work directory when none was set. */
    HostConfig config() {
        if (sharedPackages.isEmpty()) {
            throw new IllegalStateException("sharedPackages: none given; name the host API packages, e.g."
                    + " sharedPackages(\"com.acme.api\")");
        }
        Path base = baseDirectory;
        String source = "baseDirectory";
        String home = System.getProperty("plinth.home");
        if (base == null && home != null && !home.isBlank()) {
            base = Path.of(home).toAbsolutePath().normalize();
            source = "plinth.home";
        } else if (base == null) {
            base = Path.of("").toAbsolutePath();
            source = "the working directory";
        }
        ClassLoader loader = hostLoader != null ? hostLoader : Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = PluginHost.class.getClassLoader();
        }
        if (leakReportAfter.compareTo(leakCheckTimeout) < 0) {
            throw new IllegalArgumentException("leakReportAfter (" + leakReportAfter + ") is shorter than"
                    + " leakCheckTimeout (" + leakCheckTimeout + "); set it at least as long");
        }
        Path lock = lockfile == null ? null : base.resolve(lockfile).normalize();
        boolean owned = workDirectory == null;
        Path cacheDirectory = verificationCacheDirectory != null ? verificationCacheDirectory
                : VerificationCache.defaultDirectory(workDirectory);
        VerificationCache cache = verify && verificationCache && cacheDirectory != null
                ? VerificationCache.in(cacheDirectory) : null;
        Path work = owned ? temporaryWorkDirectory() : workDirectory; // last: nothing below may throw
        Path data = dataDirectory != null ? dataDirectory : work.resolve("data");
        Path shadows = shadowCacheDirectory != null && shadowCache ? shadowCacheDirectory
                : !owned ? work.resolve("shadow")
                : shadowCache ? UserCache.directory("shadow") : null;
        boolean sharedShadows = shadows != null && ShadowStore.usable(shadows);
        return new HostConfig(sharedPackages, directories, jars, base, source, work, owned, data, startTimeout,
                stopTimeout, loader, configurations, verify, leakCheckTimeout, leakReportAfter, heapDumpDirectory,
                listeners, lock, isolation, isolationByPlugin, hostVersion, disabled, processOptions,
                processOptionsByPlugin, cache, startThreads, skipSwitchWhenProven,
                sharedShadows ? shadows : work.resolve("shadow"), sharedShadows);
    }

    private static Path temporaryWorkDirectory() {
        try {
            return ScratchFiles.newDirectory(Path.of(System.getProperty("java.io.tmpdir")), "plinth-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory; set PluginHostBuilder.workDirectory", e);
        }
    }

    /**
     * {@code d}, when it is between {@link #MIN_TIMEOUT} and {@link #MAX_TIMEOUT}. Rejected, not clamped: a time-out
     * of zero, a negative one or one of years is a mistake the host should hear about at once, not a value to
     * guess a meaning for; and deadlines computed from it must not overflow.
     */
    static Duration bounded(Duration d, String name) {
        Objects.requireNonNull(d, name + " == null");
        if (d.compareTo(MIN_TIMEOUT) < 0 || d.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(name + " must be between 1 ms and 1 h: " + d);
        }
        return d;
    }
}
