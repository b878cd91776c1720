package dev.plinth.bench;

import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginInfo;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;

/**
 * The benchmark plugin loaded three ways in one JVM: by a plain {@code URLClassLoader} (the limit), by a Plinth host
 * (which must prove it never consults the thread context class loader, so its calls skip the switch; a second host
 * with verification off gives handles that switch) and by PF4J's {@code DefaultPluginManager}. Jars are read from
 * {@code -Dplinth.bench.jars} when set (the harness writes them once for every fork), else written to a temporary
 * directory that {@link #close} deletes.
 */
final class Peers implements AutoCloseable {
    static final String JARS_PROPERTY = "plinth.bench.jars";

    private final Path temporary;
    private final URLClassLoader directLoader;
    private final PluginHost host;
    private final PluginHost unverified;
    private final PluginManager pf4j;

    private Peers(Path temporary, Path plinthJar, Path pf4jDir) throws IOException {
        this.temporary = temporary;
        this.directLoader = new URLClassLoader("direct", new URL[] {plinthJar.toUri().toURL()},
                Peers.class.getClassLoader());
        this.host = PluginHost.builder().sharedPackages(PluginJars.API_PACKAGE).plugin(plinthJar)
                .hostClassLoader(Peers.class.getClassLoader()).startTimeout(Duration.ofSeconds(30))
                .skipContextLoaderSwitchWhenProven().build(); // the host opts in: the call rows measure the skip
        host.start();
        PluginInfo call = host.plugin("call").orElseThrow();
        if (call.contextLoaderSwitch().needed()) { // the call rows would measure the switch, not the proven plugin
            throw new IllegalStateException("bench plugin call keeps the context class loader switch: "
                    + call.contextLoaderSwitch().reason());
        }
        this.unverified = PluginHost.builder().sharedPackages(PluginJars.API_PACKAGE).plugin(plinthJar)
                .hostClassLoader(Peers.class.getClassLoader()).startTimeout(Duration.ofSeconds(30))
                .verification(false).build();
        unverified.start();
        this.pf4j = new DefaultPluginManager(pf4jDir);
        pf4j.loadPlugins();
        pf4j.startPlugins();
    }

    /** Opens the three peers over the jars in {@code -Dplinth.bench.jars}, or over fresh ones. */
    static Peers open() throws IOException {
        String given = System.getProperty(JARS_PROPERTY);
        Path temporary = given == null ? Files.createTempDirectory("plinth-bench-") : null;
        Path root = given == null ? writeJars(temporary) : Path.of(given);
        return new Peers(temporary, root.resolve("plinth").resolve("call-1.0.0.jar"), root.resolve("pf4j"));
    }

    /** Writes {@code <root>/plinth/call-1.0.0.jar} and {@code <root>/pf4j/call-1.0.0.jar}; returns {@code root}. */
    static Path writeJars(Path root) throws IOException {
        PluginJars.plinth(root.resolve("plinth"), "call", "1.0.0");
        PluginJars.pf4j(root.resolve("pf4j"), "call", "1.0.0");
        return root;
    }

    /** An instance of the plugin's extension class, called directly: no handle, no TCCL switch. */
    <T> T direct(Class<T> type) throws ReflectiveOperationException {
        String name = type == dev.plinth.bench.api.IntOp.class ? PluginSources.PLUS_ONE : PluginSources.UPPER;
        return type.cast(directLoader.loadClass(name).getConstructor().newInstance());
    }

    /** The Plinth handle for the plugin's only extension of {@code type}. */
    <T> T plinth(Class<T> type) {
        return only(host.extensions(type), "plinth");
    }

    /** The handle of the same plugin in a host with verification off, whose calls always switch the TCCL. */
    <T> T plinthSwitched(Class<T> type) {
        return only(unverified.extensions(type), "plinth, unverified");
    }

    /** PF4J's instance of the plugin's only extension of {@code type}. */
    <T> T pf4j(Class<T> type) {
        return only(pf4j.getExtensions(type), "pf4j");
    }

    private static <T> T only(List<T> extensions, String who) {
        if (extensions.size() != 1) {
            throw new IllegalStateException(who + ": expected one extension, got " + extensions);
        }
        return extensions.get(0);
    }

    @Override
    public void close() throws IOException {
        host.close();
        unverified.close();
        pf4j.unloadPlugins(); // stops each first; PF4J 3.15's stopPlugins() throws ConcurrentModificationException
        directLoader.close();
        if (temporary != null) {
            Files.deleteIfExists(temporary.resolve("plinth").resolve("call-1.0.0.jar"));
            Files.deleteIfExists(temporary.resolve("pf4j").resolve("call-1.0.0.jar"));
            Files.deleteIfExists(temporary.resolve("plinth"));
            Files.deleteIfExists(temporary.resolve("pf4j"));
            Files.deleteIfExists(temporary);
        }
    }
}
