package dev.plinth.runtime;

import dev.plinth.api.Plugin;
import dev.plinth.runtime.internal.ExtensionSlot;
import dev.plinth.runtime.spi.ProcessLauncher;
import dev.plinth.verify.ContextLoaderSwitch;
import dev.plinth.verify.Descriptor;
import dev.plinth.verify.Finding;
import dev.plinth.verify.PluginArchive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The host's mutable record of one plugin: what was read from its jar, its state and findings, and while loaded
 * its class loader, context, lifecycle object and extensions.
 *
 * <h2>Threading</h2>
 * State, findings and failure are guarded by {@code this}; a plugin's start and stop run on their own threads and
 * publish through {@link #transition}. The loaded parts are written before the transition to {@code STARTED} and
 * read after it.
 */
final class PluginRecord {
    final Descriptor descriptor;
    private volatile String loaderName;
    final Path path;
    final String sha256;
    final int javaRelease;
    /** Whether its jar carries libraries ({@code lib/*.jar}), which load from copies of their own. */
    final boolean carriesLibraries;
    final Map<String, List<PluginArchive.ServiceEntry>> services;
    /** Each provider's {@code @Extension(ordinal)}, read from its class file: orders {@code extensions()}. */
    final Map<String, Integer> ordinals;
    /** Providers whose class files name {@code provider} (or were not read): only they may have a provider(). */
    final java.util.Set<String> mayDeclareProviderMethod;
    /** Whether the plugin may register JDBC drivers, so unloading must look for them. */
    final boolean usesJdbc;
    /** What starting is doing now, e.g. "static initializer of com.acme.Slow"; names the culprit of a time-out. */
    volatile Phase phase = Phase.NONE;
    /** Whether any of the plugin's code may have run: set before its first static initializer or its child JVM. */
    private volatile boolean codeRan;

    private PluginState state = PluginState.DISCOVERED;
    private final List<Finding> findings = new ArrayList<>();
    private PluginFailure failure;

    /** The copy in the shadow store discovery read it from, or null: then it is copied when it starts. */
    volatile Path shadowCopy;
    PluginClassLoader loader;
    /** The ids of the plugins this one depends on and resolved to, in declaration order; set by discovery. */
    volatile List<String> dependencyIds = List.of();
    /** The loaders of those plugins' current generations; set by the host just before this plugin starts. */
    volatile List<PluginClassLoader> dependencyLoaders = List.of();
    /** Where this plugin runs; set by the host before it starts. */
    volatile Isolation isolation = Isolation.IN_PROCESS;
    /** The child process serving this plugin under {@code Isolation.PROCESS}; null in process. */
    ProcessLauncher.LaunchedPlugin remote;
    /** The thread context class loader for calls into the plugin: its own loader, or the host's when remote. */
    ClassLoader callLoader;
    /** Whether calls must install {@link #callLoader}, as verification judged; set by discovery. */
    volatile ContextLoaderSwitch contextLoaderSwitch = ContextLoaderSwitch.needed("verification is off");
    ManagedContext context;
    Plugin lifecycle;
    List<LoadedExtension> extensions = List.of();
    /** Implementations of extension points that plugins it depends on own, for their {@code context.extensions}. */
    volatile List<LoadedExtension> pluginExtensions = List.of();

    PluginRecord(PluginArchive archive) {
        this.descriptor = archive.descriptor();
        this.loaderName = "plugin:" + descriptor.coordinates();
        this.path = archive.path();
        this.sha256 = archive.sha256();
        int major = archive.maxClassFileVersion();
        this.javaRelease = major == 0 ? 0 : major - 44;
        this.services = archive.services();
        this.carriesLibraries = !archive.libraries().isEmpty();
        Map<String, Integer> byProvider = new java.util.HashMap<>();
        for (List<PluginArchive.ServiceEntry> entries : archive.services().values()) { // loops: see Discovery
            for (PluginArchive.ServiceEntry e : entries) {
                if (!byProvider.containsKey(e.provider())) {
                    byProvider.put(e.provider(), archive.extensionOrdinal(e.provider()));
                }
            }
        }
        this.ordinals = Map.copyOf(byProvider);
        java.util.Set<String> declaring = new java.util.HashSet<>();
        for (String provider : byProvider.keySet()) {
            if (archive.mayMention(provider, "provider")) {
                declaring.add(provider);
            }
        }
        this.mayDeclareProviderMethod = java.util.Set.copyOf(declaring);
        // an outline has no bytes to look at: its loader notes the drivers it defines (JdbcDrivers)
        boolean jdbc = archive.services().containsKey("java.sql.Driver");
        for (List<PluginArchive.ClassEntry> entries : archive.classes().values()) {
            for (PluginArchive.ClassEntry c : entries) {
                jdbc = jdbc || mentions(c.bytes(), "java/sql/DriverManager");
            }
        }
        this.usesJdbc = jdbc;
    }

    private static boolean mentions(byte[] classFile, String utf8) {
        String text = new String(classFile, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains(utf8);
    }

    String id() {
        return descriptor.id();
    }

    /** {@code plugin:<id>@<version>}, with {@code #n} while another generation has that name (LoaderNames). */
    String loaderName() {
        return loaderName;
    }

    /** Takes a loader name unique among live loaders; called just before the loader is made. */
    String acquireLoaderName() {
        loaderName = LoaderNames.acquire(descriptor.coordinates());
        return loaderName;
    }

    synchronized PluginState state() {
        return state;
    }

    /** Moves from {@code from} to {@code to}; false (and no change) when the plugin is not in {@code from}. */
    synchronized boolean transition(PluginState from, PluginState to) {
        if (state != from) {
            return false;
        }
        state = to;
        return true;
    }

    /**
     * The single transition to {@code STARTED}: runs {@code activation} (which must not fail) and moves from
     * {@code STARTING} to {@code STARTED} in one step, so a time-out failing the plugin meanwhile cannot interleave;
     * false, running nothing, when the plugin is no longer {@code STARTING}.
     */
    synchronized boolean startIf(Runnable activation) {
        if (state != PluginState.STARTING) {
            return false;
        }
        activation.run();
        state = PluginState.STARTED;
        return true;
    }

    /** Fails this planned generation, which may not load, before any of its code ran; logs the finding. */
    void refuse(Finding why) {
        if (failIf(state(), why, null)) {
            FindingLog.log(why);
        }
    }

    synchronized void add(List<Finding> more) {
        findings.addAll(more);
    }

    synchronized void add(Finding finding) {
        findings.add(finding);
    }

    /** Puts the plugin in {@code FAILED} with the finding and its cause, unless it already failed. */
    synchronized boolean fail(Finding finding, Throwable cause) {
        if (state == PluginState.FAILED) {
            return false;
        }
        findings.add(finding);
        failure = PluginFailure.copyOf(id(), cause); // the original would keep the failed class loader reachable
        state = PluginState.FAILED;
        return true;
    }

    /** Puts the plugin in {@code FAILED} only if it is still in {@code expected}, e.g. a time-out racing a start. */
    synchronized boolean failIf(PluginState expected, Finding finding, Throwable cause) {
        return state == expected && fail(finding, cause);
    }

    /** Takes everything the generation holds out of this record, which then references none of it. */
    synchronized Detached detach() {
        Detached d = new Detached(id(), loaderName, context, loader, remote);
        extensions = List.of();
        pluginExtensions = List.of();
        lifecycle = null;
        context = null;
        loader = null;
        remote = null;
        callLoader = null;
        return d;
    }

    /**
     * Whether calls into the plugin's extensions set the context class loader: as verification judged for a plugin
     * in this JVM; always for one in a child JVM, whose proxies run here.
     */
    ContextLoaderSwitch callSwitch() {
        return isolation == Isolation.PROCESS ? ContextLoaderSwitch.needed("runs in a child JVM (Isolation.PROCESS)")
                : contextLoaderSwitch;
    }

    /** The loader calls install as the thread context class loader; null when they leave it as it is. */
    ClassLoader contextLoaderOfCalls() {
        return callSwitch().needed() ? callLoader : null;
    }

    /** Marks that the plugin's code is about to run: from now on a failure is no longer a refusal. */
    void codeMayRun() {
        codeRan = true;
    }

    synchronized PluginInfo snapshot() {
        return new PluginInfo(descriptor.id(), descriptor.version(), descriptor.description(),
                descriptor.requires(), path, sha256, javaRelease, loaderName(), state, findings, failure,
                isolation, state == PluginState.FAILED && !codeRan, callSwitch());
    }

    /**
     * One extension of a loaded plugin.
     *
     * @param type     the host interface
     * @param provider the provider class named in the services file
     * @param instance the plugin's instance
     * @param slot     the slot its handle calls through; null until activated
     * @param handle   what the host is given; null until activated
     */
    record LoadedExtension(Class<?> type, String provider, Object instance, ExtensionSlot slot, Object handle) {
        LoadedExtension activated(ExtensionSlot newSlot, Object newHandle) {
            return new LoadedExtension(type, provider, instance, newSlot, newHandle);
        }

        boolean sameAs(LoadedExtension other) {
            return type.equals(other.type) && provider.equals(other.provider);
        }
    }
}
