package dev.plinth.corpus;

import dev.plinth.corpus.api.Filter;
import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the corpus: one shaded plugin jar per {@link RealPlugin}, and the host API they implement.
 *
 * <pre>{@code
 * Map<RealPlugin, Path> jars = Corpus.build(tempDir);          // tempDir/jackson.jar, tempDir/jackson-skew.jar, ...
 * Path api = Corpus.apiJar(tempDir);                           // Plinth-Shared-Packages: dev.plinth.corpus.api
 * }</pre>
 *
 * <p>Each jar holds every entry of its libraries (see {@link FatJar}), the compiled filter,
 * {@code META-INF/services/dev.plinth.corpus.api.Filter} naming it, and {@code Plugin-Id: <id>},
 * {@code Plugin-Version: 1.0.0} in its manifest. Library jars come from {@link #libraries(RealPlugin)}.
 */
public final class Corpus {
    /** The host API's package: the one package a host shares with the corpus plugins. */
    public static final String API_PACKAGE = "dev.plinth.corpus.api";
    /** The host API's interface, listed in each plugin's {@code META-INF/services}. */
    public static final String FILTER = API_PACKAGE + ".Filter";

    private Corpus() {
    }

    /**
     * Writes {@code <dir>/<id>.jar} for every case (and the API's classes, which they compile against, under
     * {@code <dir>/api-classes}) and returns the jars by case, in declaration order.
     */
    public static Map<RealPlugin, Path> build(Path dir) throws IOException {
        Path api = apiClasses(dir.resolve("api-classes"));
        Map<RealPlugin, Path> jars = new EnumMap<>(RealPlugin.class);
        for (RealPlugin plugin : RealPlugin.values()) {
            jars.put(plugin, build(plugin, api, dir));
        }
        return jars;
    }

    /** Writes {@code <dir>/<id>.jar} for one case, its filter compiled against {@code apiClasses}. */
    public static Path build(RealPlugin plugin, Path apiClasses, Path dir) throws IOException {
        List<Path> compileClasspath = new ArrayList<>(List.of(apiClasses));
        compileClasspath.addAll(libraries(plugin.compiledAgainst()));
        FatJar fat = FatJar.merge(libraries(plugin));
        TestJar jar = TestJar.named(plugin.id()).plugin(plugin.id(), RealPlugin.VERSION)
                .classpath(compileClasspath.toArray(Path[]::new))
                .source(plugin.filterClass(), plugin.source())
                .service(FILTER, plugin.filterClass());
        if (fat.multiRelease()) {
            jar.attribute("Multi-Release", "true");
        }
        fat.entries().forEach(jar::entry);
        return jar.writeTo(dir);
    }

    /**
     * Writes {@code <dir>/<id>-libs.jar} for one case: the same filter, its libraries not merged in but carried as
     * they are, {@code lib/<file>.jar}, the layout PF4J users ship.
     */
    public static Path buildWithLibraries(RealPlugin plugin, Path apiClasses, Path dir) throws IOException {
        List<Path> compileClasspath = new ArrayList<>(List.of(apiClasses));
        compileClasspath.addAll(libraries(plugin.compiledAgainst()));
        TestJar jar = TestJar.named(plugin.id() + "-libs").plugin(plugin.id(), RealPlugin.VERSION)
                .classpath(compileClasspath.toArray(Path[]::new))
                .source(plugin.filterClass(), plugin.source())
                .service(FILTER, plugin.filterClass());
        for (Path library : libraries(plugin)) {
            jar.entry("lib/" + library.getFileName(), java.nio.file.Files.readAllBytes(library));
        }
        return jar.writeTo(dir);
    }

    /** Writes the host API's class files, and nothing else, under {@code dir} and returns it. */
    public static Path apiClasses(Path dir) throws IOException {
        String entry = FILTER.replace('.', '/') + ".class";
        Path file = dir.resolve(entry);
        Files.createDirectories(file.getParent());
        try (InputStream in = Filter.class.getResourceAsStream("/" + entry)) {
            Files.write(file, in.readAllBytes());
        }
        return dir;
    }

    /** Writes {@code <dir>/corpus-api.jar}: the host API with {@code Plinth-Shared-Packages} naming its package. */
    public static Path apiJar(Path dir) throws IOException {
        String entry = FILTER.replace('.', '/') + ".class";
        try (InputStream in = Filter.class.getResourceAsStream("/" + entry)) {
            return TestJar.named("corpus-api").attribute("Plinth-Shared-Packages", API_PACKAGE)
                    .entry(entry, in.readAllBytes()).writeTo(dir);
        }
    }

    /** The library jars bundled into {@code plugin}'s jar, sorted by file name. */
    public static List<Path> libraries(RealPlugin plugin) {
        Path dir = librariesRoot().resolve(plugin.id());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException(dir + ": no library jars; run mvn -pl corpus generate-test-resources");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": no library jars; run mvn -pl corpus generate-test-resources", e);
        }
    }

    /** Where the pom copies the libraries: {@code -Dplinth.corpus.libs}, else {@code target/corpus-libs}. */
    public static Path librariesRoot() {
        return Path.of(System.getProperty("plinth.corpus.libs", "target/corpus-libs"));
    }
}
