package dev.plinth.gallery;

import com.acme.api.Filter;
import dev.plinth.api.Plugin;
import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Turns a jar folder of the gallery into a {@link TestJar}: {@code <jar>/src/**.java} are compiled,
 * {@code <jar>/resources/**} are copied as entries (service files, native libraries), and the main attributes of
 * {@code <jar>/MANIFEST.MF} become the jar's manifest. Sources compile against the host API and plinth-api.
 */
final class Sources {
    /** The folder holding {@code 01-api-version-skew/} and the others. */
    static final Path ROOT = locateRoot();

    private Sources() {
    }

    /**
     * The jar described by {@code <ROOT>/<bug>/<jar>/}, named {@code name}.jar; {@code compileFirst} comes before the
     * host API on the compile class path (e.g. another version of the API).
     */
    static TestJar jar(String bug, String jar, String name, Path... compileFirst) {
        Path dir = ROOT.resolve(bug).resolve(jar);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such jar folder");
        }
        TestJar testJar = TestJar.named(name).classpath(compileFirst)
                .classpath(location(Filter.class), location(Plugin.class));
        try {
            Path src = dir.resolve("src");
            for (Path file : files(src)) {
                if (file.toString().endsWith(".java")) {
                    String relative = src.relativize(file).toString().replace('\\', '/');
                    testJar.source(relative.substring(0, relative.length() - 5).replace('/', '.'),
                            Files.readString(file));
                }
            }
            Path resources = dir.resolve("resources");
            for (Path file : files(resources)) {
                testJar.entry(resources.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            Path manifest = dir.resolve("MANIFEST.MF");
            if (Files.isRegularFile(manifest)) {
                try (InputStream in = Files.newInputStream(manifest)) {
                    new Manifest(in).getMainAttributes()
                            .forEach((k, v) -> testJar.attribute(k.toString(), v.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot read", e);
        }
        return testJar;
    }

    /** The class directory or jar a class was loaded from. */
    static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(type + ": no file location", e);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** {@code -Dplinth.gallery.dir}, else {@code examples/bugs} or {@code .} if it holds the bug folders. */
    private static Path locateRoot() {
        String configured = System.getProperty("plinth.gallery.dir");
        List<Path> candidates = configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("examples", "bugs"), Path.of(""));
        for (Path candidate : candidates) {
            Path abs = candidate.toAbsolutePath().normalize();
            if (Files.isDirectory(abs.resolve("01-api-version-skew"))) {
                return abs;
            }
        }
        throw new IllegalStateException("cannot find the bug folders; run from the repository root or set"
                + " -Dplinth.gallery.dir=examples/bugs");
    }
}
