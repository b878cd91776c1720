package dev.plinth.runtime;

import dev.plinth.api.Plugin;
import dev.plinth.runtime.spi.ProcessLauncher;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.Location;
import dev.plinth.verify.PluginArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads one resolved plugin, on the plugin's own start thread: shadow copy, class loader, extensions, lifecycle
 * {@code start}. Whatever fails becomes a {@link StartFailure} carrying the finding.
 */
final class PluginLoader {
    private static final String PLUGIN = Plugin.class.getName();

    private final HostConfig config;
    private final HostApi api;
    private final ShadowStore shadows;
    private final Function<PluginRecord, ProcessLauncher.Listener> childEvents;
    private final Function<Class<?>, List<Object>> pluginExtensions;

    PluginLoader(HostConfig config, HostApi api, ShadowStore shadows,
                 Function<PluginRecord, ProcessLauncher.Listener> childEvents,
                 Function<Class<?>, List<Object>> pluginExtensions) {
        this.config = config;
        this.api = api;
        this.shadows = shadows;
        this.childEvents = childEvents;
        this.pluginExtensions = pluginExtensions;
    }

    void load(PluginRecord record) throws StartFailure {
        Path copy = shadowCopy(record);
        if (record.isolation == Isolation.PROCESS) {
            new RemoteLoading(config, api, this).load(record, copy, childEvents.apply(record));
            return;
        }
        try {
            List<java.net.URL> jars = new ArrayList<>(List.of(copy.toUri().toURL()));
            for (Path library : record.carriesLibraries ? shadows.librariesOf(copy) : List.<Path>of()) {
                jars.add(library.toUri().toURL());
            }
            record.loader = new PluginClassLoader(record.acquireLoaderName(), jars.toArray(java.net.URL[]::new),
                    config.hostLoader(), api, record.dependencyLoaders);
        } catch (IOException e) {
            throw new StartFailure(Finding.error(FindingCode.PATH_UNRESOLVED, record.id(), Location.of(copy),
                    copy + ": cannot be opened (" + e + ")", "check the work directory"), e);
        }
        record.callLoader = record.loader;
        Thread.currentThread().setContextClassLoader(record.loader);
        Instantiator instantiator = new Instantiator(record);
        List<PluginRecord.LoadedExtension> extensions = new ArrayList<>();
        List<PluginRecord.LoadedExtension> forPlugins = new ArrayList<>();
        Plugin lifecycle = null;
        for (Map.Entry<String, List<PluginArchive.ServiceEntry>> e : record.services.entrySet()) {
            String service = e.getKey();
            if (service.equals(PLUGIN)) {
                lifecycle = lifecycle(record, e.getValue(), instantiator);
            } else if (api.isShared(service)) {
                Class<?> type = hostType(record, service, e.getValue().get(0), instantiator);
                for (PluginArchive.ServiceEntry entry : e.getValue()) {
                    extensions.add(extension(type, entry, instantiator));
                }
            } else {
                Class<?> owned = PluginExtensions.pointOf(service, record.dependencyLoaders);
                for (PluginArchive.ServiceEntry entry : owned == null ? List.<PluginArchive.ServiceEntry>of()
                        : e.getValue()) {
                    forPlugins.add(extension(owned, entry, instantiator));
                }
            }
        }
        record.pluginExtensions = List.copyOf(forPlugins);
        record.context = new ManagedContext(record.id(), record.descriptor.version(),
                config.configurations().getOrDefault(record.id(), Map.of()),
                config.dataDirectory().resolve(record.id()), record.loader, pluginExtensions);
        record.lifecycle = lifecycle;
        if (lifecycle != null) {
            start(record, lifecycle, instantiator);
        }
        record.extensions = List.copyOf(extensions);
    }

    private Path shadowCopy(PluginRecord record) throws StartFailure {
        Path read = record.shadowCopy;
        if (read != null && java.nio.file.Files.isRegularFile(read, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return read; // else gone since discovery: copied again below, and refused if the jar changed
        }
        try {
            return shadows.copyOf(record.path, record.sha256);
        } catch (ShadowStore.JarChangedException e) {
            throw new StartFailure(Finding.error(FindingCode.JAR_CHANGED, record.id(), Location.of(record.path),
                    record.path + ": " + e.getMessage(), "write plugin jars to a temporary name and rename them"
                            + " into the plugin directory, so the host never reads a half-written jar"), e);
        } catch (IOException e) {
            throw new StartFailure(Finding.error(FindingCode.PATH_UNRESOLVED, record.id(), Location.of(record.path),
                    record.path + ": cannot copy to the work directory (" + e + ")",
                    "check that the work directory is writable"), e);
        }
    }

    Class<?> hostType(PluginRecord record, String service, PluginArchive.ServiceEntry first,
                              Instantiator instantiator) throws StartFailure {
        try {
            return Class.forName(service, false, config.hostLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw instantiator.failure(FindingCode.API_MISMATCH, Location.entry(record.path, first.file()),
                    service + ": service interface not found in the host API", "build the plugin against the"
                            + " host's API version, or remove " + first.file(), e);
        }
    }

    private static PluginRecord.LoadedExtension extension(Class<?> type, PluginArchive.ServiceEntry entry,
                                                          Instantiator instantiator) throws StartFailure {
        Object instance = instantiator.create(entry.provider(), type, entry.file());
        return new PluginRecord.LoadedExtension(type, entry.provider(), instance, null, null);
    }

    private static Plugin lifecycle(PluginRecord record, List<PluginArchive.ServiceEntry> entries,
                                    Instantiator instantiator) throws StartFailure {
        PluginArchive.ServiceEntry first = entries.get(0);
        if (entries.size() > 1) {
            throw instantiator.failure(FindingCode.ENTRY_POINT, Location.entry(record.path, first.file()),
                    PLUGIN + ": " + entries.size() + " lifecycle classes listed; a plugin has at most one",
                    "keep one line in " + first.file(), null);
        }
        return instantiator.create(first.provider(), Plugin.class, first.file());
    }

    private static void start(PluginRecord record, Plugin lifecycle, Instantiator instantiator)
            throws StartFailure {
        String type = lifecycle.getClass().getName();
        record.phase = new Phase(type, "start(PluginContext)");
        try {
            lifecycle.start(record.context);
        } catch (Throwable e) { // any type: also a Throwable the plugin threw past the compiler
            throw instantiator.failure(FindingCode.START_FAILED, Location.type(record.path, type)
                            .member("start(PluginContext)"), type + ".start(PluginContext): threw " + e,
                    "fix the failure, or make start() tolerate it; the host keeps running without this plugin", e);
        } finally {
            record.phase = Phase.NONE;
        }
    }
}
