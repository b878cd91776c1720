package dev.plinth.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * The entries of a shaded ("fat") jar merged from library jars the way a shading build does it: signatures,
 * manifests and root {@code module-info.class} files are dropped, duplicate {@code META-INF/services} files are
 * concatenated, and for any other duplicate the first library's copy wins.
 */
final class FatJar {
    private static final Pattern SIGNATURE =
            Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)", Pattern.CASE_INSENSITIVE);
    private static final String SERVICES = "META-INF/services/";

    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, List<String>> dropped = new LinkedHashMap<>();
    private boolean multiRelease;

    private FatJar() {
    }

    /** Merges the entries of {@code libraries}, in order. */
    static FatJar merge(List<Path> libraries) throws IOException {
        FatJar fat = new FatJar();
        for (Path library : libraries) {
            fat.add(library);
        }
        return fat;
    }

    /** The merged entries by path, in the order a jar should list them. */
    Map<String, byte[]> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** True when a library declares {@code Multi-Release: true}, so its {@code META-INF/versions/} entries count. */
    boolean multiRelease() {
        return multiRelease;
    }

    /** Entries of later libraries that lost to an earlier copy, by path: the file names of the losing jars. */
    Map<String, List<String>> shadowed() {
        return Collections.unmodifiableMap(dropped);
    }

    private void add(Path library) throws IOException {
        try (JarFile jar = new JarFile(library.toFile(), false)) {
            multiRelease |= jar.getManifest() != null
                    && "true".equalsIgnoreCase(jar.getManifest().getMainAttributes().getValue("Multi-Release"));
            for (JarEntry entry : Collections.list(jar.entries())) {
                String path = entry.getName();
                if (skipped(path)) {
                    continue;
                }
                byte[] content = read(jar, entry);
                if (path.startsWith(SERVICES) && !entry.isDirectory() && entries.containsKey(path)) {
                    entries.put(path, concatenate(entries.get(path), content));
                } else if (entries.containsKey(path)) {
                    if (!entry.isDirectory()) {
                        dropped.computeIfAbsent(path, p -> new ArrayList<>())
                                .add(library.getFileName().toString());
                    }
                } else {
                    entries.put(path, content);
                }
            }
        }
    }

    private static boolean skipped(String path) {
        return path.equalsIgnoreCase(JarFile.MANIFEST_NAME) || path.equals("module-info.class")
                || SIGNATURE.matcher(path).matches();
    }

    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static byte[] concatenate(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        if (first.length > 0 && first[first.length - 1] != '\n') {
            out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(second);
        return out.toByteArray();
    }
}
