package dev.plinth.testkit;

import dev.plinth.runtime.ApiManifests;
import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginHostBuilder;
import dev.plinth.runtime.PluginInfo;
import dev.plinth.runtime.ReloadReport;
import dev.plinth.runtime.UnloadReport;
import dev.plinth.verify.Finding;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One test's plugin and host: made before the test, closed after it. */
final class LoadedPlugin implements Plinth, AutoCloseable {
    private final PluginHost host;
    private final String id;
    private final Path jar;
    private final Path scratch;

    private LoadedPlugin(PluginHost host, String id, Path jar, Path scratch) {
        this.host = host;
        this.id = id;
        this.jar = jar;
        this.scratch = scratch;
    }

    static LoadedPlugin start(Settings settings, ClassLoader testLoader) throws IOException {
        Set<String> shared = settings.sharedPackages().isEmpty() ? ApiManifests.sharedPackages(testLoader)
                : Set.copyOf(settings.sharedPackages());
        if (shared.isEmpty()) {
            throw new IllegalStateException("no host API packages: name them, @PlinthTest(sharedPackages ="
                    + " \"com.acme.api\"), or put a host API jar with a " + ApiManifests.SHARED_PACKAGES
                    + " manifest attribute on the test class path");
        }
        Path scratch = Files.createTempDirectory("plinth-testkit-");
        Path jar;
        if (settings.jar() != null) {
            jar = settings.jar().toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + ": no such plugin jar; build it first (mvn package), or load"
                        + " target/classes instead");
            }
        } else {
            Path classes = settings.classes().toAbsolutePath();
            String id = ClassesJar.manifestId(classes);
            if (id == null) {
                id = settings.pluginId() != null ? settings.pluginId()
                        : Path.of("").toAbsolutePath().getFileName().toString();
            }
            jar = ClassesJar.write(classes, scratch, id, ProjectPom.version(Path.of("").toAbsolutePath()));
        }
        String id = PluginArchive.read(jar).descriptor().id();
        PluginHostBuilder builder = PluginHost.builder().sharedPackages(shared.toArray(String[]::new)).plugin(jar)
                .hostClassLoader(testLoader).workDirectory(scratch.resolve("work"))
                .configuration(id, settings.configuration());
        settings.customizer().accept(builder);
        PluginHost host = builder.build();
        host.start();
        return new LoadedPlugin(host, id, jar, scratch);
    }

    @Override
    public PluginHost host() {
        return host;
    }

    @Override
    public String pluginId() {
        return id;
    }

    @Override
    public Path jar() {
        return jar;
    }

    @Override
    public PluginInfo plugin() {
        return host.plugin(id).orElseThrow(() -> new AssertionError(id + ": not loaded (unloaded by the test?)"));
    }

    @Override
    public List<Finding> findings() {
        return host.plugin(id).map(PluginInfo::findings).orElse(List.of());
    }

    @Override
    public List<Finding> problems() {
        return findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
    }

    @Override
    public <T> List<T> extensions(Class<T> type) {
        return host.extensions(type);
    }

    @Override
    public <T> T extension(Class<T> type) {
        List<T> found = extensions(type);
        if (found.size() != 1) {
            throw new AssertionError(id + ": expected one " + type.getName() + " extension, found " + found.size()
                    + "\n" + report());
        }
        return found.get(0);
    }

    @Override
    public ReloadReport reload() {
        return host.reload(id);
    }

    @Override
    public UnloadReport unload() {
        return host.unload(id);
    }

    @Override
    public String report() {
        return host.plugin(id).map(p -> p.coordinates() + " " + p.state() + (p.findings().isEmpty()
                ? " (no findings)" : p.findings().stream().map(f -> "  " + f)
                .collect(Collectors.joining("\n", "\n", "")))).orElse(id + ": not loaded");
    }

    @Override
    public void close() throws IOException {
        try {
            host.close();
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
