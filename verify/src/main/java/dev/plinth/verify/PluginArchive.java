package dev.plinth.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Plinth reads from one plugin jar before any of its classes is defined: identity, hash, descriptor,
 * service entries, class files and native libraries, plus the findings that reading produced.
 *
 * <p>Reading never throws for bad content and never runs plugin code: a corrupt jar, a zip bomb or a malformed
 * descriptor becomes a finding ({@code corrupt-jar}, {@code descriptor-invalid}) and the archive is simply emptier.
 *
 * @param path       the jar, absolute and with links resolved
 * @param sha256     lower-case hex SHA-256 of the file's bytes; empty if it could not be read
 * @param size       the file's size in bytes
 * @param descriptor the plugin's descriptor
 * @param services   service interface (binary name) to its provider entries, in file order
 * @param classes    class entries by binary name; a multi-release jar lists each version's entry
 * @param natives    entries that look like native libraries, with their first bytes
 * @param findings   what reading found wrong
 * @param libraries  the libraries it carries ({@code lib/<name>.jar} entries, see {@link #isLibrary}), in name
 *                   order
 * @param source     the file its bytes were read from: {@code path} itself, or a copy of it ({@link #readCopy});
 *                   for a zip or directory plugin, the jar made of it, deleted once read
 * @param outline    whether this is only an outline ({@link #readOutline}): then only the classes the services
 *                   files name carry their bytes, the others are listed with none, and nested libraries and native
 *                   libraries are not read; an outline cannot be verified
 */
public record PluginArchive(Path path, String sha256, long size, Descriptor descriptor,
                            Map<String, List<ServiceEntry>> services, Map<String, List<ClassEntry>> classes,
                            List<NativeEntry> natives, List<Finding> findings, List<String> libraries,
                            Path source, boolean outline) {

    /** Copies the collections. */
    public PluginArchive {
        services = Map.copyOf(services);
        classes = Map.copyOf(classes);
        natives = List.copyOf(natives);
        findings = List.copyOf(findings);
        libraries = List.copyOf(libraries);
    }

    /**
     * Reads what a host needs to load a plugin it will not verify now (verification off, or findings it already
     * has for this {@link #sha256()}): identity, hash, descriptor, services and the class files of the providers
     * they list; the jar's other class entries are listed without their bytes. A PF4J zip or a plugin directory is
     * read whole, as by {@link #read(Path)}. {@link #complete()} reads the rest.
     */
    public static PluginArchive readOutline(Path jar) {
        if (PluginLayout.isPlugin(jar)) {
            return read(jar);
        }
        return new JarReader(jar, Limits.DEFAULT, true).read();
    }

    /**
     * Reads {@code copy}, a byte-for-byte copy of the plugin jar {@code original} whose sha256 its copier computed
     * while writing it, as the archive of {@code original} (its path, its name in findings): whole, or an outline
     * when {@code outline}. The copy is what a host loads, so what is read here is what runs.
     */
    public static PluginArchive readCopy(Path copy, Path original, String sha256, boolean outline) {
        return new JarReader(copy, original, Limits.DEFAULT, outline, sha256).read();
    }

    /**
     * This archive if it is whole, else its {@link #source()} read again whole: the plugin's own jar, whose content may
     * have changed since, or the copy it was read from.
     */
    public PluginArchive complete() {
        if (!outline) {
            return this;
        }
        return source.equals(path) ? read(path) : readCopy(source, path, sha256, false);
    }

    /** Reads a jar with the default {@link Limits}. */
    public static PluginArchive read(Path jar) {
        return read(jar, Limits.DEFAULT);
    }

    /**
     * Reads a plugin within the given limits; never throws for bad content. A PF4J zip or a plugin directory (see
     * {@link PluginLayout}) is read as the jar it makes.
     */
    public static PluginArchive read(Path jar, Limits limits) {
        if (!PluginLayout.isPlugin(jar)) {
            return new JarReader(jar, limits).read();
        }
        Path temp = null;
        try {
            temp = java.nio.file.Files.createTempFile("plinth-layout-", ".jar");
            PluginLayout.toJar(jar, temp, limits);
            return new JarReader(temp, jar, limits).read();
        } catch (java.io.IOException | RuntimeException e) {
            Path shown = jar.toAbsolutePath().normalize();
            Finding f = Finding.error(FindingCode.CORRUPT_JAR, String.valueOf(shown.getFileName()),
                    Location.of(shown), shown.getFileName() + ": cannot be read as a plugin (" + e.getMessage()
                            + ")", "lay it out as PF4J does: classes/, lib/*.jar, plugin.properties");
            return new PluginArchive(shown, "", 0, new DescriptorParser(shown, null).descriptor(), Map.of(),
                    Map.of(), List.of(), List.of(f), List.of(), shown, false);
        } finally {
            if (temp != null) {
                try {
                    java.nio.file.Files.deleteIfExists(temp);
                } catch (java.io.IOException e) {
                    temp.toFile().deleteOnExit();
                }
            }
        }
    }

    /**
     * The lower-case hex SHA-256 of a plugin's content, as {@link #sha256()} reports it: of the file for a jar, of
     * the jar it makes for a zip or directory plugin.
     */
    public static String sha256Of(Path plugin) throws java.io.IOException {
        if (!PluginLayout.isPlugin(plugin)) {
            return sha256(plugin);
        }
        Path temp = java.nio.file.Files.createTempFile("plinth-layout-", ".jar");
        try {
            PluginLayout.toJar(plugin, temp, Limits.DEFAULT);
            return sha256(temp);
        } finally {
            java.nio.file.Files.deleteIfExists(temp);
        }
    }

    /**
     * Whether a jar entry is a library the plugin carries, on its class path after its own classes:
     * {@code lib/<name>.jar}, directly under {@code lib/}.
     */
    public static boolean isLibrary(String entry) {
        return entry.startsWith("lib/") && entry.endsWith(".jar") && entry.indexOf('/', "lib/".length()) < 0
                && entry.length() > "lib/.jar".length();
    }

    /** The lower-case hex SHA-256 of a file's bytes, as {@link #sha256()} reports it. */
    public static String sha256(Path file) throws java.io.IOException {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** Whether reading found an error, so that nothing of this jar may be loaded. */
    public boolean isUnreadable() {
        for (Finding f : findings) { // loops, not streams, on what a host does at start (see JarReader)
            if (f.isError() && (f.code() == FindingCode.CORRUPT_JAR || f.code() == FindingCode.PATH_UNRESOLVED)) {
                return true;
            }
        }
        return false;
    }

    /** The base (non-versioned) class file of a class, if the jar has one. */
    public Optional<ClassEntry> baseClass(String binaryName) {
        for (ClassEntry c : classes.getOrDefault(binaryName, List.of())) {
            if (c.release() == 0) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code ordinal} of the {@code @dev.plinth.api.Extension} annotation on a class of the jar (lower sorts
     * first among the extensions of one interface); 0 when the class has none or cannot be read. Runs no code.
     */
    public int extensionOrdinal(String binaryName) {
        // a class annotated @Extension has the annotation's descriptor among its constants: most providers have
        // none and are not parsed (parsing them was most of a cached start's per-plugin time)
        Optional<ClassEntry> base = baseClass(binaryName);
        if (base.isEmpty() || !contains(base.get().bytes(), EXTENSION_DESCRIPTOR)) {
            return 0;
        }
        try {
            return ClassParser.header(base.get().bytes()).ordinal();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /**
     * Whether a class of the jar may have {@code text} (ASCII) among its constants — a member's name, a descriptor, a
     * string: false only when every class file of that name in the jar, base and versioned, was read and none has
     * it. Runs no code.
     */
    public boolean mayMention(String binaryName, String text) {
        List<ClassEntry> entries = classes.getOrDefault(binaryName, List.of());
        byte[] ascii = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (ClassEntry c : entries) {
            if (c.bytes().length == 0 || contains(c.bytes(), ascii)) {
                return true;
            }
        }
        return entries.isEmpty();
    }

    private static final byte[] EXTENSION_DESCRIPTOR = ClassParser.EXTENSION.getBytes(
            java.nio.charset.StandardCharsets.ISO_8859_1);

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The highest class-file major version in the jar, or 0 if it has no classes. */
    public int maxClassFileVersion() {
        int max = 0;
        for (List<ClassEntry> entries : classes.values()) {
            for (ClassEntry c : entries) {
                if (c.release() == 0) {
                    max = Math.max(max, c.majorVersion());
                }
            }
        }
        return max;
    }

    /**
     * One provider line of a {@code META-INF/services} file.
     *
     * @param service  the service interface, binary name
     * @param provider the provider class, binary name
     * @param line     the line number in the services file, from 1
     */
    public record ServiceEntry(String service, String provider, int line) {
        /** The services file this entry came from. */
        public String file() {
            return "META-INF/services/" + service;
        }
    }

    /**
     * One class file.
     *
     * @param binaryName   e.g. {@code com.acme.Upper}
     * @param entry        the jar entry, e.g. {@code META-INF/versions/21/com/acme/Upper.class}
     * @param release      the multi-release version directory, or 0 for the base entry
     * @param majorVersion the class-file major version (61 = Java 17)
     * @param bytes        the class file
     */
    public record ClassEntry(String binaryName, String entry, int release, int majorVersion, byte[] bytes) {
    }

    /**
     * A native library entry.
     *
     * @param entry  the jar entry
     * @param header up to the first 4 KiB, enough for ELF, Mach-O (also universal) and PE headers
     */
    public record NativeEntry(String entry, byte[] header) {
    }
}
