package dev.plinth.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Adds main attributes to the manifest of a jar that maven-jar-plugin already built, by copying the jar with the
 * new manifest and moving the copy over the original.
 *
 * <p>Rewriting after packaging, rather than handing maven-jar-plugin a manifest fragment, is what makes the plugin
 * work with no jar-plugin configuration at all. Every other entry is copied with its name, order, time stamps and
 * extra fields, so a reproducible jar stays reproducible. A jar whose manifest already says the same is not touched.
 */
final class ManifestWriter {
    private ManifestWriter() {
    }

    /** Whether the jar's manifest has this main attribute. */
    static boolean hasAttribute(Path jar, String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue(name) != null;
        }
    }

    /**
     * Sets the attributes, replacing existing values.
     *
     * @return one line per attribute whose different existing value was replaced, {@code Name: old -> new}
     */
    static List<String> write(Path jar, Map<String, String> attributes) throws IOException {
        List<String> replaced = new ArrayList<>();
        Path copy;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry existing = zip.getEntry(JarFile.MANIFEST_NAME);
            Manifest manifest = new Manifest();
            if (existing != null) {
                try (InputStream in = zip.getInputStream(existing)) {
                    manifest.read(in);
                }
            }
            Attributes main = manifest.getMainAttributes();
            main.putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
            boolean changed = existing == null;
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                String old = main.getValue(a.getKey());
                if (!a.getValue().equals(old)) {
                    changed = true;
                    if (old != null) {
                        replaced.add(a.getKey() + ": " + old + " -> " + a.getValue());
                    }
                    main.putValue(a.getKey(), a.getValue());
                }
            }
            if (!changed) {
                return replaced;
            }
            copy = Files.createTempFile(jar.toAbsolutePath().getParent(), jar.getFileName() + ".", ".tmp");
            try (OutputStream file = Files.newOutputStream(copy); ZipOutputStream out = new ZipOutputStream(file)) {
                if (existing == null) {
                    writeManifest(out, manifest, firstTime(zip));
                }
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (e.getName().equals(JarFile.MANIFEST_NAME)) {
                        writeManifest(out, manifest, e.getTime());
                    } else {
                        ZipEntry same = new ZipEntry(e);
                        same.setCompressedSize(-1); // recompressed: the size may differ
                        out.putNextEntry(same);
                        try (InputStream in = zip.getInputStream(e)) {
                            in.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
        Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
        return replaced;
    }

    private static void writeManifest(ZipOutputStream out, Manifest manifest, long time) throws IOException {
        ZipEntry entry = new ZipEntry(JarFile.MANIFEST_NAME);
        entry.setTime(time);
        out.putNextEntry(entry);
        manifest.write(out);
        out.closeEntry();
    }

    /** The first entry's time, or 1980-01-01 (the earliest zip time) for an empty jar: never the clock. */
    private static long firstTime(ZipFile zip) {
        return zip.stream().findFirst().map(ZipEntry::getTime).filter(t -> t >= 0).orElse(315_532_800_000L);
    }
}
