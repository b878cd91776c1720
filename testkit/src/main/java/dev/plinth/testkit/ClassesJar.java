package dev.plinth.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Packs a class directory ({@code target/classes}: classes, resources and the services files the annotation
 * processor wrote) into a plugin jar, the way maven-jar-plugin would, so that a test loads exactly what ships.
 */
final class ClassesJar {
    private ClassesJar() {
    }

    /**
     * Writes {@code <dir>/<id>.jar}; the classes' own manifest is kept, with {@code Plugin-Id} and, when a version
     * is given, {@code Plugin-Version} added if absent.
     */
    static Path write(Path classes, Path dir, String id, Optional<String> version) throws IOException {
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes + ": no such class directory; compile the plugin first (mvn test"
                    + " does), or point @PlinthTest(classes = ...) or jar = ... at the plugin");
        }
        Manifest manifest = new Manifest();
        Path existing = classes.resolve(JarFile.MANIFEST_NAME);
        if (Files.isRegularFile(existing)) {
            try (InputStream in = Files.newInputStream(existing)) {
                manifest.read(in);
            }
        }
        Attributes main = manifest.getMainAttributes();
        main.putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (main.getValue("Plugin-Id") == null) {
            main.putValue("Plugin-Id", id);
        }
        if (main.getValue("Plugin-Version") == null) {
            version.ifPresent(v -> main.putValue("Plugin-Version", v));
        }
        Path jar = dir.resolve(id + ".jar");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path f : files) {
                String name = classes.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                if (!name.equals(JarFile.MANIFEST_NAME)) {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    /** The {@code Plugin-Id} of the class directory's manifest, if it has one. */
    static String manifestId(Path classes) throws IOException {
        Path existing = classes.resolve(JarFile.MANIFEST_NAME);
        if (!Files.isRegularFile(existing)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(existing)) {
            return new Manifest(in).getMainAttributes().getValue("Plugin-Id");
        }
    }
}
