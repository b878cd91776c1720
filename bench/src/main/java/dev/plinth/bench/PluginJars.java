package dev.plinth.bench;

import dev.plinth.bench.api.IntOp;
import dev.plinth.bench.api.TextFilter;
import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the benchmark plugin as real jars, once for Plinth (extensions in {@code META-INF/services}) and once for
 * PF4J (extensions annotated {@code @org.pf4j.Extension} and listed in {@code META-INF/extensions.idx}). Both carry
 * the same twenty classes and the manifest attributes {@code Plugin-Id} and {@code Plugin-Version}. The sources
 * are compiled once per flavour; each jar then gets its own manifest, so N plugins are N distinct files (distinct
 * sha256) holding the same class bytes.
 */
final class PluginJars {
    /** The shared package a Plinth host names: the benchmark's host API. */
    static final String API_PACKAGE = IntOp.class.getPackageName();

    private static Map<String, byte[]> plinthClasses;
    private static Map<String, byte[]> pf4jClasses;

    private PluginJars() {
    }

    /** One Plinth plugin jar {@code <dir>/<id>-<version>.jar}. */
    static synchronized Path plinth(Path dir, String id, String version) throws IOException {
        if (plinthClasses == null) {
            plinthClasses = compile("", locationOf(IntOp.class));
        }
        TestJar jar = withClasses(TestJar.named(id + "-" + version).plugin(id, version), plinthClasses)
                .service(IntOp.class.getName(), PluginSources.PLUS_ONE)
                .service(TextFilter.class.getName(), PluginSources.UPPER);
        return jar.writeTo(dir);
    }

    /** One PF4J plugin jar {@code <dir>/<id>-<version>.jar}. */
    static synchronized Path pf4j(Path dir, String id, String version) throws IOException {
        if (pf4jClasses == null) {
            pf4jClasses = compile("@org.pf4j.Extension", locationOf(IntOp.class), locationOf(org.pf4j.Extension.class));
        }
        byte[] index = (PluginSources.PLUS_ONE + "\n" + PluginSources.UPPER + "\n").getBytes(StandardCharsets.UTF_8);
        TestJar jar = withClasses(TestJar.named(id + "-" + version).plugin(id, version), pf4jClasses)
                .entry("META-INF/extensions.idx", index);
        return jar.writeTo(dir);
    }

    /** {@code n} plugin jars of one flavour ({@code "plinth"} or {@code "pf4j"}), ids {@code p0000}, ... */
    static List<Path> many(String flavour, Path dir, int n) throws IOException {
        List<Path> jars = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = String.format("p%04d", i);
            jars.add("pf4j".equals(flavour) ? pf4j(dir, id, "1.0.0") : plinth(dir, id, "1.0.0"));
        }
        return jars;
    }

    /** The number of class files in each plugin jar. */
    static int classesPerPlugin() {
        return PluginSources.HELPERS + 2;
    }

    private static Map<String, byte[]> compile(String annotation, Path... classpath) {
        TestJar sources = TestJar.named("sources").classpath(classpath);
        PluginSources.all(annotation).forEach(sources::source);
        return sources.compile();
    }

    private static TestJar withClasses(TestJar jar, Map<String, byte[]> classes) {
        classes.forEach(jar::entry);
        return jar;
    }

    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(type.getName() + ": no usable code source", e);
        }
    }
}
