package dev.plinth.testjars;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds a real jar in a directory: Java sources compiled in memory, manifest attributes, service files and raw
 * entries. Tests use it to make plugins exactly as a plugin author's build would.
 *
 * <pre>{@code
 * Path jar = TestJar.named("uppercase")
 *         .attribute("Plugin-Id", "uppercase")
 *         .source("com.acme.Upper", "package com.acme; public class Upper implements Filter { ... }")
 *         .service("com.acme.Filter", "com.acme.Upper")
 *         .classpath(apiClasses)
 *         .writeTo(tempDir);
 * }</pre>
 */
public final class TestJar {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final List<Path> classpath = new ArrayList<>();
    private int release = 17;
    private boolean manifest = true;

    private TestJar(String name) {
        this.name = Objects.requireNonNull(name, "name == null");
    }

    /** Starts a jar that {@link #writeTo} writes as {@code <name>.jar}. */
    public static TestJar named(String name) {
        return new TestJar(name);
    }

    /** Adds a main manifest attribute. */
    public TestJar attribute(String key, String value) {
        attributes.put(key, value);
        return this;
    }

    /** Adds the plugin id and version attributes. */
    public TestJar plugin(String id, String version) {
        return attribute("Plugin-Id", id).attribute("Plugin-Version", version);
    }

    /** Adds a Java source to compile; {@code className} is the binary name of its top-level class. */
    public TestJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Adds a provider line to {@code META-INF/services/<service>}. */
    public TestJar service(String service, String provider) {
        services.computeIfAbsent(service, s -> new ArrayList<>()).add(provider);
        return this;
    }

    /** Adds a raw entry, e.g. a copied class file, a native library or a corrupt descriptor. */
    public TestJar entry(String path, byte[] content) {
        entries.put(path, content.clone());
        return this;
    }

    /** Adds directories or jars to the compile class path, e.g. the host API's classes. */
    public TestJar classpath(Path... paths) {
        classpath.addAll(List.of(paths));
        return this;
    }

    /** Sets the {@code --release} the sources compile for; 17 by default. */
    public TestJar release(int release) {
        this.release = release;
        return this;
    }

    /** Writes the jar without a {@code META-INF/MANIFEST.MF}. */
    public TestJar withoutManifest() {
        this.manifest = false;
        return this;
    }

    /** Compiles the sources and returns the class files by entry path, without writing a jar. */
    public Map<String, byte[]> compile() {
        return sources.isEmpty() ? Map.of() : InMemoryCompiler.compile(sources, classpath, release);
    }

    /** Compiles, writes {@code <dir>/<name>.jar} (replacing it) and returns its path. */
    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve(name + ".jar");
        Map<String, byte[]> classes = compile();
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = manifest ? new JarOutputStream(file, manifest()) : new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                if (!entries.containsKey(e.getKey())) { // a raw entry replaces the compiled class
                    put(out, e.getKey(), e.getValue());
                }
            }
            for (Map.Entry<String, List<String>> e : services.entrySet()) {
                String lines = String.join("\n", e.getValue()) + "\n";
                put(out, "META-INF/services/" + e.getKey(), lines.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(out, e.getKey(), e.getValue());
            }
        }
        return jar;
    }

    /** Writes the compiled classes into a directory tree (not a jar), e.g. for a host API on a class path. */
    public Path writeClassesTo(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : compile().entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return dir;
    }

    private Manifest manifest() {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> m.getMainAttributes().put(new Attributes.Name(k), v));
        return m;
    }

    private static void put(JarOutputStream out, String path, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(path));
        out.write(content);
        out.closeEntry();
    }
}
