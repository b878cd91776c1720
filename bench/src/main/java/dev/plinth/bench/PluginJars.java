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

    /** Each chain of plugins that depend on the one before them has this many plugins. */
    static final int CHAIN = 10;

    /**
     * {@code n} plugin jars of one flavour that depend on each other, ids {@code p0000}, ...: {@code p0000} is a base
     * every other plugin needs, and the others form chains of {@link #CHAIN}, each needing the one before it in its
     * chain ({@code Plugin-Dependencies: p0000@>=1.0.0, p0004@>=1.0.0}, a syntax both systems read). Each plugin's
     * classes are moved into a package of its own, so a dependent never takes its classes from a dependency.
     */
    static List<Path> withDependencies(String flavour, Path dir, int n) throws IOException {
        boolean pf4j = "pf4j".equals(flavour);
        Map<String, byte[]> classes;
        synchronized (PluginJars.class) {
            if (pf4j && pf4jClasses == null) {
                pf4jClasses = compile("@org.pf4j.Extension", locationOf(IntOp.class),
                        locationOf(org.pf4j.Extension.class));
            } else if (!pf4j && plinthClasses == null) {
                plinthClasses = compile("", locationOf(IntOp.class));
            }
            classes = pf4j ? pf4jClasses : plinthClasses;
        }
        List<Path> jars = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = String.format("p%04d", i);
            String pkg = PluginSources.PACKAGE + "." + id;
            TestJar jar = TestJar.named(id + "-1.0.0").plugin(id, "1.0.0");
            List<String> needs = new ArrayList<>();
            if (i > 0) {
                needs.add("p0000@>=1.0.0");
            }
            if (i > 1 && (i - 1) % CHAIN != 0) {
                needs.add(String.format("p%04d@>=1.0.0", i - 1));
            }
            if (!needs.isEmpty()) {
                jar.attribute("Plugin-Dependencies", String.join(", ", needs));
            }
            Repackage.into(classes, PluginSources.PACKAGE, pkg).forEach(jar::entry);
            String plusOne = PluginSources.PLUS_ONE.replace(PluginSources.PACKAGE, pkg);
            String upper = PluginSources.UPPER.replace(PluginSources.PACKAGE, pkg);
            if (pf4j) {
                jar.entry("META-INF/extensions.idx", (plusOne + "\n" + upper + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                jar.service(IntOp.class.getName(), plusOne).service(TextFilter.class.getName(), upper);
            }
            jars.add(jar.writeTo(dir));
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
