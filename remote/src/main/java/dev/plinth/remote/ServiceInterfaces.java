package dev.plinth.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The host API interfaces a plugin jar declares services for, read from its {@code META-INF/services} entry names
 * only: no plugin class is loaded and no plugin code runs.
 */
final class ServiceInterfaces {
    private static final String PREFIX = "META-INF/services/";

    private ServiceInterfaces() {
    }

    /** The interfaces in {@code packages} (or their subpackages) that {@code loader} can load, sorted by name. */
    static List<Class<?>> of(Path jar, List<String> packages, ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.startsWith(PREFIX) && name.length() > PREFIX.length() && !name.endsWith("/")) {
                    names.add(name.substring(PREFIX.length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(jar + ": cannot list its services", e);
        }
        names.sort(null);
        List<Class<?>> out = new ArrayList<>();
        for (String name : names) {
            if (packages.stream().anyMatch(p -> name.startsWith(p + ".")) && !name.startsWith("dev.plinth.api.")) {
                try {
                    out.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException e) {
                    continue; // not in the host API: the plugin host reports it as a finding
                }
            }
        }
        return out;
    }
}
