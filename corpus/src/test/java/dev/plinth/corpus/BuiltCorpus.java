package dev.plinth.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The corpus built once per test JVM, for the test classes that ask Plinth about it: the jars, the API's classes
 * and API jar, and a host class loader that holds the API and {@code plinth-api} only, as a real host's would
 * (the test class path's slf4j, ASM or picocli would otherwise satisfy references a plugin fails on elsewhere).
 */
final class BuiltCorpus {
    private static BuiltCorpus shared;

    final Path dir;
    final Map<RealPlugin, Path> jars;
    final Path apiClasses;
    final Path apiJar;

    private BuiltCorpus(Path dir) throws IOException {
        this.dir = dir;
        this.jars = Corpus.build(dir);
        this.apiClasses = dir.resolve("api-classes");
        this.apiJar = Corpus.apiJar(dir);
    }

    /** The corpus of this JVM, built on first use and deleted when the JVM exits. */
    static synchronized BuiltCorpus get() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("plinth-corpus");
                shared = new BuiltCorpus(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "corpus-cleanup"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot build the corpus", e);
            }
        }
        return shared;
    }

    /** A host class loader with the corpus API and {@code plinth-api}, over the platform class loader. */
    URLClassLoader hostLoader() throws IOException {
        try {
            Path plinthApi = Path.of(dev.plinth.api.Plugin.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return new URLClassLoader("corpus-host", new URL[] {apiClasses.toUri().toURL(), plinthApi.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
        } catch (java.net.URISyntaxException e) {
            throw new IOException("plinth-api: cannot locate its classes", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit: the directory is in the system's temporary directory
        }
    }
}
