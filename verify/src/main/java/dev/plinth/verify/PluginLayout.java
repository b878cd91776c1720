package dev.plinth.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The plugin layouts besides a jar, as PF4J knows them, each turned into the one jar Plinth reads and loads:
 * <ul>
 *   <li>a PF4J zip: {@code classes/} (the plugin's classes and resources), {@code lib/*.jar} (its libraries), the
 *       descriptor in {@code classes/META-INF/MANIFEST.MF} or in {@code plugin.properties};</li>
 *   <li>a directory with the same layout, or a plain classes directory such as {@code target/classes} with a
 *       {@code META-INF/MANIFEST.MF} or {@code plugin.properties} (development mode).</li>
 * </ul>
 * The jar is deterministic — entries in name order, fixed times — so its sha256 names the plugin's content: the
 * verifier reads it, the runtime's shadow store writes it again and refuses it when the bytes differ.
 */
public final class PluginLayout {
    private static final long FIXED_TIME = 315_532_800_000L; // 1980-01-01, the earliest a zip entry can hold
    private static final Map<String, String> PF4J_PROPERTIES = Map.of(
            "plugin.id", "Plugin-Id", "plugin.version", "Plugin-Version", "plugin.description", "Plugin-Description",
            "plugin.provider", "Plugin-Provider", "plugin.license", "Plugin-License",
            "plugin.dependencies", "Plugin-Dependencies", "plugin.requires", "Plugin-Requires",
            "plugin.class", "Plugin-Class");

    private PluginLayout() {
    }

    /** Whether {@code path} is a plugin that is not a jar: a {@code .zip}, or a directory with a plugin's marks. */
    public static boolean isPlugin(Path path) {
        if (Files.isDirectory(path)) {
            return Files.isDirectory(path.resolve("classes")) || Files.isRegularFile(path.resolve("plugin.properties"))
                    || Files.isRegularFile(path.resolve("META-INF/MANIFEST.MF"));
        }
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /**
     * Writes the jar of the zip or directory plugin at {@code source} to {@code target}, reading within
     * {@code limits} (entries, bytes per entry and in all).
     *
     * @throws IOException when it cannot be read, or is larger than the limits allow
     */
    public static void toJar(Path source, Path target, Limits limits) throws IOException {
        Budget budget = new Budget(limits);
        Map<String, byte[]> entries = Files.isDirectory(source) ? fromDirectory(source, budget)
                : fromZip(source, budget);
        try (OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(FIXED_TIME);
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    private static Map<String, byte[]> fromDirectory(Path dir, Budget budget) throws IOException {
        boolean pf4j = Files.isDirectory(dir.resolve("classes")) || Files.isDirectory(dir.resolve("lib"));
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (InputStream in = Files.newInputStream(p)) {
                        files.put(dir.relativize(p).toString().replace('\\', '/'), budget.read(p.toString(), in));
                    }
                }
            }
        }
        return pf4j ? mapped(files) : withDescriptor(files);
    }

    private static Map<String, byte[]> fromZip(Path zip, Budget budget) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipFile in = new ZipFile(zip.toFile())) {
            for (ZipEntry e : in.stream().map(ZipEntry.class::cast).toList()) {
                if (!e.isDirectory()) {
                    try (InputStream content = in.getInputStream(e)) {
                        files.put(e.getName(), budget.read(e.getName(), content));
                    }
                }
            }
        }
        return mapped(files);
    }

    /** PF4J's layout: {@code classes/x} becomes {@code x}, {@code lib/*.jar} stays, the rest is dropped. */
    private static Map<String, byte[]> mapped(Map<String, byte[]> files) throws IOException {
        Map<String, byte[]> jar = new TreeMap<>();
        files.forEach((name, bytes) -> {
            if (name.startsWith("classes/") && name.length() > "classes/".length()) {
                jar.put(name.substring("classes/".length()), bytes);
            } else if (PluginArchive.isLibrary(name)) {
                jar.put(name, bytes);
            }
        });
        byte[] properties = files.get("plugin.properties");
        if (properties != null && !jar.containsKey("META-INF/MANIFEST.MF")) {
            jar.put("META-INF/MANIFEST.MF", manifestOf(properties));
        }
        return jar;
    }

    private static Map<String, byte[]> withDescriptor(Map<String, byte[]> files) throws IOException {
        byte[] properties = files.remove("plugin.properties");
        if (properties != null && !files.containsKey("META-INF/MANIFEST.MF")) {
            files.put("META-INF/MANIFEST.MF", manifestOf(properties));
        }
        return files;
    }

    /** A manifest with PF4J's {@code plugin.properties} keys as Plinth's attributes; unknown keys are dropped. */
    private static byte[] manifestOf(byte[] propertiesFile) throws IOException {
        Properties properties = new Properties();
        properties.load(new java.io.ByteArrayInputStream(propertiesFile));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        new TreeMap<>(PF4J_PROPERTIES).forEach((key, attribute) -> {
            String value = properties.getProperty(key);
            if (value != null && !value.isBlank()) {
                manifest.getMainAttributes().putValue(attribute, value.strip().replaceAll("[\r\n]+", " "));
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out); // wraps long lines as manifests require
        return out.toByteArray();
    }

    /** What reading may still take: entries and bytes, from the limits. */
    private static final class Budget {
        private final Limits limits;
        private long entries;
        private long bytes;

        Budget(Limits limits) {
            this.limits = limits;
        }

        byte[] read(String name, InputStream in) throws IOException {
            if (++entries > limits.maxEntries()) {
                throw new IOException("more than " + limits.maxEntries() + " files");
            }
            long limit = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - bytes);
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            bytes += content.length;
            if (content.length > limit) {
                throw new IOException(name + " is larger than the read limit of " + limit + " bytes");
            }
            return content;
        }
    }
}
