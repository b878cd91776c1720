package dev.plinth.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/** Reads one jar into a {@link PluginArchive} within {@link Limits}, turning every problem into a finding. */
final class JarReader {
    private static final String SERVICES = "META-INF/services/";
    /** Enough of a native library to reach a PE header, whose offset is stored at 0x3C. */
    static final int NATIVE_HEADER_BYTES = 4096;

    private final Path jar;
    private final Limits limits;
    private final String label;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, List<PluginArchive.ServiceEntry>> services = new LinkedHashMap<>();
    private final Map<String, List<PluginArchive.ClassEntry>> classes = new LinkedHashMap<>();
    private final List<PluginArchive.NativeEntry> natives = new ArrayList<>();
    private final List<ZipEntry> libraries = new ArrayList<>();
    private Manifest manifest;
    private long totalRead;
    private long entriesRead;
    private final boolean outline;
    private final String knownSha256;
    private final List<ZipEntry> unreadClasses = new ArrayList<>();

    private final Path source;

    JarReader(Path jar, Limits limits) {
        this(null, jar, limits);
    }

    /** Reads only an outline of {@code jar} (see {@link PluginArchive#readOutline}) when {@code outline}. */
    JarReader(Path jar, Limits limits, boolean outline) {
        this(null, jar, limits, outline);
    }

    /**
     * Reads {@code source}, the jar written for the zip or directory plugin {@code shownAs}, naming the latter; a
     * null source reads {@code shownAs} itself.
     */
    JarReader(Path source, Path shownAs, Limits limits) {
        this(source, shownAs, limits, false);
    }

    private JarReader(Path source, Path shownAs, Limits limits, boolean outline) {
        this(source, shownAs, limits, outline, null);
    }

    /**
     * Reads {@code source}, a copy of {@code shownAs} whose sha256 the copier computed while writing it (so it is not
     * read a second time for it), naming {@code shownAs}; an outline when {@code outline}.
     */
    JarReader(Path source, Path shownAs, Limits limits, boolean outline, String knownSha256) {
        this.knownSha256 = knownSha256;
        this.outline = outline;
        this.source = source;
        this.jar = shownAs.toAbsolutePath().normalize();
        this.limits = limits;
        this.label = String.valueOf(this.jar.getFileName());
    }

    PluginArchive read() {
        Path real = jar;
        String sha256 = "";
        long size = 0;
        try {
            real = jar.toRealPath();
            Path file = source == null ? real : source;
            size = Files.size(file);
            sha256 = knownSha256 != null ? knownSha256 : PluginArchive.sha256(file);
            readEntries(file);
        } catch (ZipException e) {
            corrupt(real, "not a readable zip archive (" + e.getMessage() + ")",
                    "rebuild the jar; a truncated copy or a non-jar file in the plugin directory gives this");
        } catch (IllegalArgumentException e) {
            // the JDK's zip reader throws this for an entry name that is not valid UTF-8 (found by fuzzing)
            corrupt(real, "malformed zip entry (" + e.getMessage() + ")", "rebuild the jar with a standard tool");
        } catch (IOException | UncheckedIOException e) {
            findings.add(Finding.error(FindingCode.PATH_UNRESOLVED, label, Location.of(real),
                    real + ": cannot read (" + e + ")", "check that the file exists and is readable"));
        }
        DescriptorParser parsed = new DescriptorParser(real, manifest);
        // loops, not streams, here and below: each stream and lambda links a call site on first use, and a host
        // reads its plugins in a JVM that has just started
        boolean unreadable = false;
        for (Finding f : findings) {
            unreadable |= f.isError() && (f.code() == FindingCode.CORRUPT_JAR
                    || f.code() == FindingCode.PATH_UNRESOLVED);
        }
        if (!unreadable) { // a file that is no jar has no manifest: saying so again would only add noise
            findings.addAll(parsed.findings());
        }
        Descriptor descriptor = parsed.descriptor();
        List<Finding> attributed = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            attributed.add(f.withPlugin(descriptor.id()));
        }
        List<String> libraryNames = new ArrayList<>(libraries.size());
        for (ZipEntry library : libraries) {
            libraryNames.add(library.getName());
        }
        java.util.Collections.sort(libraryNames);
        return new PluginArchive(real, sha256, size, descriptor, services, classes, natives, attributed,
                libraryNames, source == null ? real : source, outline);
    }

    private void readEntries(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                corrupt(jar, "has " + zip.size() + " entries; the limit is " + limits.maxEntries(),
                        "split the plugin, or raise Limits.maxEntries if this is intended");
                return;
            }
            entriesRead = zip.size();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && !readEntry(zip, entry)) {
                    return;
                }
            }
            if (outline) {
                readProviders(zip);
                return;
            }
            // the plugin's own classes come first, then its libraries in name order, as its class loader sees them
            libraries.sort(java.util.Comparator.comparing(ZipEntry::getName));
            for (ZipEntry library : libraries) {
                if (!readLibrary(zip, library)) {
                    return;
                }
            }
        }
    }

    /**
     * In an outline: reads the class files of the providers the services files list, for their annotations, and
     * lists every other class entry of the jar itself without its bytes.
     */
    private void readProviders(ZipFile zip) throws IOException {
        java.util.Set<String> providers = new java.util.HashSet<>();
        for (List<PluginArchive.ServiceEntry> entries : services.values()) {
            for (PluginArchive.ServiceEntry e : entries) {
                providers.add(e.provider().replace('.', '/') + ".class");
            }
        }
        for (ZipEntry entry : unreadClasses) {
            String name = entry.getName();
            if (providers.contains(name) && !looksLikeBomb(entry)) {
                byte[] bytes = readBounded(zip, entry);
                if (bytes == null) {
                    return;
                }
                addClass(name, name, bytes, true);
            } else {
                addUnread(name);
            }
        }
    }

    private void addUnread(String name) {
        VersionedEntry v = VersionedEntry.of(name);
        if (v != null) {
            entriesOf(v.binaryName()).add(new PluginArchive.ClassEntry(v.binaryName(), name, v.release(), 0,
                    new byte[0]));
        }
    }

    /** Reads a nested library's classes and native libraries; false when reading must stop (a limit was hit). */
    private boolean readLibrary(ZipFile zip, ZipEntry library) throws IOException {
        if (looksLikeBomb(library)) {
            corrupt(jar, library.getName() + ": compresses " + library.getCompressedSize() + " bytes to "
                    + library.getSize() + " (ratio over " + limits.maxCompressionRatio() + "), refusing a likely"
                    + " zip bomb", "rebuild the jar with ordinary compression");
            return false;
        }
        byte[] bytes = readBounded(zip, library);
        if (bytes == null) {
            return false;
        }
        String outer = library.getName();
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') { // the stream reader would see no entries
            corrupt(jar, outer + ": not a jar (no zip header)", "rebuild the plugin with an intact copy of the"
                    + " library");
            return true;
        }
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entriesRead > limits.maxEntries()) {
                    corrupt(jar, "has more than " + limits.maxEntries() + " entries with those of its libraries",
                            "split the plugin, or raise Limits.maxEntries if this is intended");
                    return false;
                }
                String name = entry.getName();
                boolean isClass = name.endsWith(".class") && !name.endsWith("module-info.class");
                if (entry.isDirectory() || !isClass && !isNativeLibrary(name)) {
                    continue;
                }
                long limit = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - totalRead);
                byte[] content = isClass && entry.getSize() >= 0 && entry.getSize() <= limit
                        ? readDeclared(in, (int) entry.getSize(), limit)
                        : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, isClass ? limit + 1
                        : NATIVE_HEADER_BYTES));
                totalRead += content.length;
                if (isClass && content.length > limit) {
                    corrupt(jar, outer + "!/" + name + ": larger than the read limit of " + limit + " bytes",
                            "rebuild the library; no class file is this large");
                    return false;
                }
                if (isClass) {
                    addClass(outer + "!/" + name, name, content, false);
                } else {
                    natives.add(new PluginArchive.NativeEntry(outer + "!/" + name, content));
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            corrupt(jar, outer + ": not a readable jar (" + e.getMessage() + ")",
                    "rebuild the plugin with an intact copy of the library");
        }
        return true;
    }

    /** Reads one entry; returns false when reading must stop (a limit was hit). */
    private boolean readEntry(ZipFile zip, ZipEntry entry) throws IOException {
        String name = entry.getName();
        boolean isClass = name.endsWith(".class") && !name.endsWith("module-info.class");
        boolean isService = name.startsWith(SERVICES) && name.indexOf('/', SERVICES.length()) < 0;
        boolean isManifest = name.equalsIgnoreCase("META-INF/MANIFEST.MF");
        boolean isNative = isNativeLibrary(name);
        if (PluginArchive.isLibrary(name)) {
            libraries.add(entry);
            return true;
        }
        if (outline && (isClass || isNative)) {
            if (isClass) {
                unreadClasses.add(entry);
            }
            return true;
        }
        if (!isClass && !isService && !isManifest && !isNative) {
            return true;
        }
        if (looksLikeBomb(entry)) {
            corrupt(jar, name + ": compresses " + entry.getCompressedSize() + " bytes to " + entry.getSize()
                    + " (ratio over " + limits.maxCompressionRatio() + "), refusing a likely zip bomb",
                    "rebuild the jar with ordinary compression");
            return false;
        }
        byte[] bytes = isNative ? readHeader(zip, entry) : readBounded(zip, entry);
        if (bytes == null) {
            return false;
        }
        if (isManifest) {
            readManifest(name, bytes);
        } else if (isService) {
            for (PluginArchive.ServiceEntry e : new ServiceFileParser(jar, name, bytes, findings).parse()) {
                List<PluginArchive.ServiceEntry> ofService = services.get(e.service());
                if (ofService == null) {
                    ofService = new ArrayList<>();
                    services.put(e.service(), ofService);
                }
                ofService.add(e);
            }
        } else if (isClass) {
            addClass(name, name, bytes, true);
        } else {
            natives.add(new PluginArchive.NativeEntry(name, bytes));
        }
        return true;
    }

    private boolean looksLikeBomb(ZipEntry entry) {
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        return size >= (1 << 20) && compressed > 0 && size / compressed > limits.maxCompressionRatio();
    }

    private byte[] readBounded(ZipFile zip, ZipEntry entry) throws IOException {
        long limit = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - totalRead);
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = entry.getSize() >= 0 && entry.getSize() <= limit ? readDeclared(in, (int) entry.getSize(),
                    limit) : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            totalRead += bytes.length;
            if (bytes.length > limit) {
                corrupt(jar, entry.getName() + ": larger than the read limit of " + limit + " bytes",
                        "rebuild the jar; no class file or descriptor is this large");
                return null;
            }
            return bytes;
        }
    }

    /**
     * Reads an entry of a declared size within the limit into an array of that size, without the buffers and the
     * copy of a read of unknown length; an entry longer than declared is read on, up to one byte past the limit.
     */
    private static byte[] readDeclared(InputStream in, int size, long limit) throws IOException {
        byte[] bytes = new byte[size];
        int n = in.readNBytes(bytes, 0, size);
        if (n < size) {
            return Arrays.copyOf(bytes, n);
        }
        byte[] more = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8 - (long) size, limit + 1 - size));
        if (more.length == 0) {
            return bytes;
        }
        byte[] all = Arrays.copyOf(bytes, size + more.length);
        System.arraycopy(more, 0, all, size, more.length);
        return all;
    }

    private static byte[] readHeader(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readNBytes(NATIVE_HEADER_BYTES);
        }
    }

    private void readManifest(String name, byte[] bytes) {
        try {
            manifest = new Manifest(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            findings.add(Finding.error(FindingCode.DESCRIPTOR_INVALID, label, Location.entry(jar, name),
                    name + ": malformed manifest (" + e.getMessage() + ")",
                    "write 'Name: value' lines ending in a newline; let the build tool write the manifest"));
        }
    }

    /**
     * Adds a class file at {@code path} inside its jar, shown as {@code name}; one of a library is skipped when an
     * earlier jar already has that class, as the class loader would never define it.
     */
    private void addClass(String name, String inJar, byte[] bytes, boolean own) {
        VersionedEntry v = VersionedEntry.of(inJar);
        if (v == null) {
            return; // not a multi-release directory: the JVM would never load it either
        }
        if (bytes.length < 8 || (bytes[0] & 0xff) != 0xCA || (bytes[1] & 0xff) != 0xFE) {
            corrupt(jar, name + ": not a class file (bad magic number)", "rebuild the jar");
            return;
        }
        int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        String binaryName = v.binaryName();
        List<PluginArchive.ClassEntry> earlier = classes.get(binaryName);
        if (!own && earlier != null && earlier.stream().noneMatch(c -> c.entry().startsWith(name.substring(0,
                name.indexOf("!/") + 2)))) {
            return; // defined from an earlier jar
        }
        entriesOf(binaryName).add(new PluginArchive.ClassEntry(binaryName, name, v.release(), major, bytes));
    }

    private List<PluginArchive.ClassEntry> entriesOf(String binaryName) {
        List<PluginArchive.ClassEntry> entries = classes.get(binaryName);
        if (entries == null) {
            entries = new ArrayList<>();
            classes.put(binaryName, entries);
        }
        return entries;
    }

    private void corrupt(Path file, String problem, String fix) {
        findings.add(Finding.error(FindingCode.CORRUPT_JAR, label, Location.of(file), file.getFileName() + ": "
                + problem, fix));
    }

    static boolean isNativeLibrary(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".so") || lower.contains(".so.") || lower.endsWith(".dylib")
                || lower.endsWith(".jnilib") || lower.endsWith(".dll");
    }
}
