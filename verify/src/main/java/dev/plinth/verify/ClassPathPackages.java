package dev.plinth.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The packages of the class files on a class path of jars and directories, as internal names. */
final class ClassPathPackages {
    private ClassPathPackages() {
    }

    /** Every package with a class file; an unreadable entry contributes nothing (its classes are missing too). */
    static Set<String> of(List<Path> classpath) {
        Set<String> packages = new HashSet<>();
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.filter(f -> f.toString().endsWith(".class")).forEach(f -> add(packages,
                            entry.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/")));
                } catch (IOException | java.io.UncheckedIOException e) {
                    // unreadable: its classes are not found either, so the package is absent for both lookups
                }
            } else if (Files.isRegularFile(entry)) {
                try (ZipFile zip = new ZipFile(entry.toFile())) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.endsWith(".class")) {
                            add(packages, name);
                        }
                    }
                } catch (IOException e) {
                    // as above
                }
            }
        }
        return Set.copyOf(packages);
    }

    private static void add(Set<String> packages, String classFile) {
        int slash = classFile.lastIndexOf('/');
        if (slash > 0 && !classFile.startsWith("META-INF/")) {
            packages.add(classFile.substring(0, slash));
        }
    }
}
