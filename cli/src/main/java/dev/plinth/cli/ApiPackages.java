package dev.plinth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The packages one {@code --api} jar or class directory offers: those its manifest names in
 * {@code Plinth-Shared-Packages}, or every package that holds a class file in it.
 *
 * <p>A class file counts for its package wherever a class loader would find it: at the top of the jar or
 * directory, or under {@code META-INF/versions/<n>/} in a multi-release jar. Other {@code META-INF} entries,
 * the unnamed package and paths that are not package names (e.g. {@code WEB-INF/classes}) are skipped.
 *
 * <h2>Errors</h2>
 * Reading throws {@link IOException}, also for an entry name the JDK's zip reader cannot decode.
 */
final class ApiPackages {
    /** The manifest attribute an API jar uses to name its shared packages, comma separated. */
    static final String ATTRIBUTE = "Plinth-Shared-Packages";
    private static final String VERSIONS = "META-INF/versions/";

    private ApiPackages() {
    }

    /** The packages the manifest's {@code Plinth-Shared-Packages} names, stripped; empty when it names none. */
    static List<String> declared(Path jarOrDirectory) throws IOException {
        Manifest manifest = null;
        if (Files.isDirectory(jarOrDirectory)) {
            Path file = jarOrDirectory.resolve(JarFile.MANIFEST_NAME);
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    manifest = new Manifest(in);
                }
            }
        } else {
            try (JarFile jar = new JarFile(jarOrDirectory.toFile(), false)) {
                manifest = jar.getManifest();
            }
        }
        String value = manifest == null ? null : manifest.getMainAttributes().getValue(ATTRIBUTE);
        List<String> packages = new ArrayList<>();
        for (String name : value == null ? new String[0] : value.split(",")) {
            if (!name.isBlank()) {
                packages.add(name.strip());
            }
        }
        return packages;
    }

    /** Every package that holds a class file in the jar or directory, sorted. */
    static SortedSet<String> derived(Path jarOrDirectory) throws IOException {
        SortedSet<String> packages = new TreeSet<>();
        if (Files.isDirectory(jarOrDirectory)) {
            try (Stream<Path> files = Files.walk(jarOrDirectory)) { // links are not followed: no cycles
                files.filter(Files::isRegularFile).map(f -> entryName(jarOrDirectory.relativize(f)))
                        .forEach(name -> packageOf(name).ifPresent(packages::add));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return packages;
        }
        try (JarFile jar = new JarFile(jarOrDirectory.toFile(), false)) {
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                packageOf(entries.nextElement().getName()).ifPresent(packages::add);
            }
        } catch (IllegalArgumentException e) { // an entry name that is not valid UTF-8
            throw new IOException("malformed zip entry (" + e.getMessage() + ")", e);
        }
        return packages;
    }

    /** The package of a class file entry such as {@code com/acme/api/Filter.class}, if it has a named one. */
    static Optional<String> packageOf(String entryName) {
        String name = entryName;
        if (name.startsWith(VERSIONS)) {
            int slash = name.indexOf('/', VERSIONS.length());
            name = slash < 0 ? "" : name.substring(slash + 1);
        } else if (name.startsWith("META-INF/")) {
            return Optional.empty();
        }
        int last = name.lastIndexOf('/');
        if (!name.endsWith(".class") || last <= 0) {
            return Optional.empty();
        }
        String pkg = name.substring(0, last).replace('/', '.');
        return isPackageName(pkg) ? Optional.of(pkg) : Optional.empty();
    }

    private static boolean isPackageName(String name) {
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))
                    || !part.codePoints().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }

    private static String entryName(Path relative) {
        List<String> names = new ArrayList<>();
        relative.forEach(p -> names.add(p.toString()));
        return String.join("/", names);
    }
}
