package dev.plinth.runtime;

import dev.plinth.api.Plugin;
import dev.plinth.runtime.spi.ProcessLauncher;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.Location;
import dev.plinth.verify.PluginArchive;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Starts a plugin under {@code Isolation.PROCESS}: the verified jar runs in a child JVM through
 * {@code plinth-remote}, and the host's extensions are its proxies. Verification already ran in the host.
 */
final class RemoteLoading {
    private final HostConfig config;
    private final HostApi api;
    private final PluginLoader types;

    RemoteLoading(HostConfig config, HostApi api, PluginLoader types) {
        this.config = config;
        this.api = api;
        this.types = types;
    }

    private static boolean carriesLibraries(Path copy) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(copy.toFile())) {
            return zip.stream().anyMatch(e -> PluginArchive.isLibrary(e.getName()));
        } catch (java.io.IOException e) {
            return false; // the child reports an unreadable copy
        }
    }

    void load(PluginRecord record, Path copy, ProcessLauncher.Listener events) throws StartFailure {
        ProcessLauncher launcher = ServiceLoader.load(ProcessLauncher.class, PluginLoader.class.getClassLoader())
                .findFirst().orElseThrow(() -> failure(record, FindingCode.START_FAILED, record.id()
                        + ": process isolation requested but plinth-remote is not on the host's class path",
                        "add the dev.plinth:plinth-remote dependency to the host, or run the plugin in process", null));
        Instantiator instantiator = new Instantiator(record);
        if (carriesLibraries(copy)) {
            throw failure(record, FindingCode.PROCESS_BOUNDARY, record.id() + ": carries libraries (lib/*.jar),"
                    + " which a child JVM does not load yet", "shade the libraries into the plugin jar, or run this"
                    + " plugin in process", null);
        }
        Set<Path> classpath = new LinkedHashSet<>(List.of(codeSource(Plugin.class)));
        List<Class<?>> services = new ArrayList<>();
        for (Map.Entry<String, List<PluginArchive.ServiceEntry>> e : record.services.entrySet()) {
            if (api.isShared(e.getKey()) && !e.getKey().equals(Plugin.class.getName())) {
                Class<?> type = types.hostType(record, e.getKey(), e.getValue().get(0), instantiator);
                try {
                    launcher.checkCrossable(type);
                } catch (IllegalArgumentException refused) {
                    throw failure(record, FindingCode.PROCESS_BOUNDARY, refused.getMessage(), "use only types"
                            + " plinth-remote can encode in the interface, or run this plugin in process", refused);
                }
                classpath.add(codeSource(type));
                services.add(type);
            }
        }
        try {
            record.codeMayRun(); // the child JVM runs the plugin's static initializers and start
            record.remote = launcher.launch(copy, List.copyOf(classpath), api.sharedPackages(),
                    config.startTimeout(), config.configurations().getOrDefault(record.id(), Map.of()),
                    config.processOptionsOf(record.id()), config.dataDirectoryOf(record.id()), events);
        } catch (RuntimeException e) {
            throw failure(record, FindingCode.START_FAILED, record.id() + ": child JVM did not start: "
                    + e.getMessage(), "see the child's output in the log; the same jar in process shows the cause"
                    + " with more detail", e);
        }
        record.callLoader = config.hostLoader();
        List<PluginRecord.LoadedExtension> extensions = new ArrayList<>();
        for (Class<?> type : services) {
            List<?> proxies = record.remote.extensions(type);
            List<PluginArchive.ServiceEntry> entries = record.services.get(type.getName());
            for (int i = 0; i < proxies.size(); i++) {
                String provider = i < entries.size() ? entries.get(i).provider() : type.getName() + "#" + i;
                extensions.add(new PluginRecord.LoadedExtension(type, provider, proxies.get(i), null, null));
            }
        }
        record.extensions = List.copyOf(extensions);
    }

    private static StartFailure failure(PluginRecord r, FindingCode code, String message, String fix, Throwable e) {
        return new StartFailure(Finding.error(code, r.id(), Location.of(r.path), message, fix), e);
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException(type.getName() + ": cannot locate its classes for the child JVM", e);
        }
    }
}
