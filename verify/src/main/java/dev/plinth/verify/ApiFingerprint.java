package dev.plinth.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The public surface of a host API, as sorted canonical lines (one per public or protected type, method and field
 * of the shared packages) and their SHA-256, so that a report can say exactly which host API a plugin was checked
 * against, and two hosts can be compared line by line.
 *
 * <p>Lines look like {@code method com.acme.api.Filter apply(Lcom/acme/api/Request;)Ljava/lang/String; public
 * abstract}. Synthetic and bridge members, private and package-private ones are left out: they are not API. Where
 * a class appears twice on the class path, the first copy counts, as with class loading.
 *
 * <h2>Threading</h2>
 * Immutable.
 */
public final class ApiFingerprint {
    private final List<String> lines;
    private final String sha256;

    private ApiFingerprint(List<String> lines) {
        this.lines = List.copyOf(lines);
        this.sha256 = sha256(this.lines);
    }

    /** The fingerprint of a host built from a class path; empty for one built from a class loader. */
    public static Optional<ApiFingerprint> of(HostApi host) {
        Objects.requireNonNull(host, "host == null");
        return host.isEnumerable() ? Optional.of(of(host.sharedPackages(), host.classpath())) : Optional.empty();
    }

    /**
     * The fingerprint of the shared packages found in class directories and jars.
     *
     * @throws UncheckedIOException when an entry of the class path cannot be read
     */
    public static ApiFingerprint of(Collection<String> sharedPackages, List<Path> classpath) {
        HostApi scope = HostApi.of(sharedPackages, List.of());
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Path entry : classpath) {
            try {
                read(entry, scope, classes);
            } catch (IOException e) {
                throw new UncheckedIOException(entry + ": cannot read host class path entry", e);
            }
        }
        TreeSet<String> lines = new TreeSet<>();
        classes.forEach((name, bytes) -> {
            try {
                describe(ClassParser.header(bytes), lines);
            } catch (IllegalArgumentException e) {
                lines.add("unreadable " + name); // still part of the fingerprint, and visible in a diff
            }
        });
        return new ApiFingerprint(new ArrayList<>(lines));
    }

    /** The canonical lines, sorted. */
    public List<String> lines() {
        return lines;
    }

    /** Lower-case hex SHA-256 of the lines, each ending in a newline, in UTF-8. */
    public String fingerprint() {
        return sha256;
    }

    /** {@code sha256:<hex> (<n> lines)}. */
    @Override
    public String toString() {
        return "sha256:" + sha256 + " (" + lines.size() + " lines)";
    }

    private static void read(Path entry, HostApi scope, Map<String, byte[]> classes) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String name = entry.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                    if (wanted(name, scope)) {
                        classes.putIfAbsent(name, Files.readAllBytes(file));
                    }
                }
            }
        } else if (Files.isRegularFile(entry)) {
            try (ZipFile zip = new ZipFile(entry.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (!e.isDirectory() && wanted(e.getName(), scope)) {
                        classes.putIfAbsent(e.getName(), zip.getInputStream(e).readAllBytes());
                    }
                }
            }
        }
    }

    private static boolean wanted(String name, HostApi scope) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")
                && scope.isShared(name.substring(0, name.length() - 6).replace('/', '.'));
    }

    private static void describe(ClassModel c, TreeSet<String> lines) {
        int visible = c.innerAccess() < 0 ? c.access() : c.innerAccess();
        if ((visible & (ClassModel.PUBLIC | ClassModel.PROTECTED)) == 0) {
            return;
        }
        String type = c.binaryName();
        List<String> interfaces = c.interfaces().stream().map(Names::binary).sorted().toList();
        lines.add("type " + type + " " + modifiers(visible | (c.access() & ClassModel.INTERFACE), false)
                + (c.superName() == null ? "" : " extends " + Names.binary(c.superName()))
                + (interfaces.isEmpty() ? "" : " implements " + String.join(",", interfaces)));
        for (ClassModel.Member m : c.methods().values()) {
            if (isApi(m)) {
                lines.add("method " + type + " " + m.name() + m.descriptor() + " " + modifiers(m.access(),
                        c.isInterface()));
            }
        }
        for (ClassModel.Member f : c.fields().values()) {
            if (isApi(f)) {
                lines.add("field " + type + " " + f.name() + ":" + f.descriptor() + " " + modifiers(f.access(), false));
            }
        }
    }

    private static boolean isApi(ClassModel.Member m) {
        return (m.is(ClassModel.PUBLIC) || m.is(ClassModel.PROTECTED)) && !m.is(ClassModel.SYNTHETIC)
                && !(m.is(ClassModel.BRIDGE) && m.descriptor().startsWith("("));
    }

    private static String modifiers(int access, boolean inInterface) {
        List<String> words = new ArrayList<>();
        words.add((access & ClassModel.PUBLIC) != 0 ? "public" : "protected");
        if ((access & ClassModel.STATIC) != 0) {
            words.add("static");
        }
        if ((access & ClassModel.FINAL) != 0) {
            words.add("final");
        }
        if ((access & ClassModel.ABSTRACT) != 0) {
            words.add("abstract");
        } else if (inInterface && (access & ClassModel.STATIC) == 0) {
            words.add("default");
        }
        if ((access & ClassModel.INTERFACE) != 0) {
            words.add("interface");
        }
        return String.join(" ", words);
    }

    private static String sha256(List<String> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
