package dev.plinth.cli;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import dev.plinth.verify.PluginLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the doctor's path arguments into the jars to check, as the runtime's discovery does: a file is one jar, a
 * directory is every regular {@code *.jar} file directly in it, sorted by name, and one file reached twice (as a
 * file and through its directory, or through a link) is checked once. Relative paths resolve against the working
 * directory.
 *
 * <p>A path that does not lead to a jar becomes a {@code path-unresolved} error finding instead of an exception
 * (Go's bug 5: a plugin path that silently depends on the current directory): a missing path, a directory without
 * jars, or a FIFO, device or socket, which is never opened (reading a FIFO would block). Remarks that are not
 * findings, such as a skipped duplicate or jars nested in a plugin jar, are {@code note:} lines for standard
 * error.
 */
final class PluginInputs {
    /** How many subdirectories with jars a {@code path-unresolved} finding names. */
    private static final int LISTED = 3;

    private final Path workingDirectory;
    private final List<Input> inputs = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Real path of each jar taken so far, to the path it was first reached by. */
    private final Map<Path, Path> taken = new HashMap<>();

    private PluginInputs(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Expands the given paths. */
    static PluginInputs expand(Path workingDirectory, List<Path> given) {
        PluginInputs inputs = new PluginInputs(workingDirectory);
        given.forEach(inputs::add);
        return inputs;
    }

    /** The inputs in command-line order, each directory's jars sorted by name. */
    List<Input> inputs() {
        return List.copyOf(inputs);
    }

    /** Remarks for standard error, each a {@code note:} line. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private void add(Path given) {
        Path path = workingDirectory.resolve(given).normalize();
        if (!Files.exists(path)) {
            String relative = given.isAbsolute() ? ""
                    : " (relative path '" + given + "' resolved against " + workingDirectory + ")";
            unresolve(path, path + ": no such file or directory" + relative,
                    given.isAbsolute() ? "check the path; the plugin is not where it was expected"
                            : "pass an absolute path, or run from the directory the path is relative to");
        } else if (PluginLayout.isPlugin(path)) {
            addJar(path); // a PF4J zip or a plugin directory, read as the jar it makes
        } else if (Files.isDirectory(path)) {
            addDirectory(path);
        } else if (Files.isRegularFile(path)) {
            addJar(path);
        } else {
            unresolve(path, path + ": not a regular file (a FIFO, device or socket cannot be read as a jar)",
                    "pass the plugin jar itself");
        }
    }

    private void addDirectory(Path dir) {
        List<Path> jars;
        try (Stream<Path> children = Files.list(dir)) {
            jars = children.filter(PluginInputs::isJar).sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            unresolve(dir, dir + ": cannot list the directory (" + e.getMessage() + ")",
                    "check the directory's permissions");
            return;
        }
        if (!jars.isEmpty()) {
            jars.forEach(this::addJar);
            return;
        }
        List<Path> below = subdirectoriesWithJars(dir);
        if (below.isEmpty()) {
            unresolve(dir, dir + ": no *.jar files in this directory",
                    "check the path; pass the directory that holds the plugin jars, or the jars themselves");
            return;
        }
        String listed = String.join(", ", below.stream().limit(LISTED).map(Path::toString).toList())
                + (below.size() > LISTED ? " and " + (below.size() - LISTED) + " more" : "");
        unresolve(dir, dir + ": no *.jar files in this directory; " + (below.size() == 1 ? "a subdirectory"
                : below.size() + " subdirectories") + " (" + listed + ") " + (below.size() == 1 ? "has" : "have")
                + " some, but subdirectories are not searched; pass them directly", "pass " + listed + " instead");
    }

    /** Takes a plugin, unless its real path was taken already. */
    private void addJar(Path jar) {
        Path real = realPath(jar);
        Path first = taken.putIfAbsent(real, jar);
        if (first != null) {
            notes.add("note: " + jar + ": " + (jar.equals(first) ? "already given" : "same file as " + first
                    + (real.equals(first) || real.equals(jar) ? "" : " (both are " + real + ")")) + "; checked once");
            return;
        }
        inputs.add(new Input(jar, null));
        if (Files.isRegularFile(jar)) {
            NestedJars.note(jar).ifPresent(notes::add);
        }
    }

    /** The directory's immediate subdirectories that hold a jar themselves, sorted; a hint, so errors are skipped. */
    private static List<Path> subdirectoriesWithJars(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).filter(PluginInputs::hasJar).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // it was listed a moment ago; if it no longer can be, the finding stands without hint
        }
    }

    private static boolean hasJar(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.anyMatch(PluginInputs::isJar);
        } catch (IOException | UncheckedIOException e) {
            return false; // an unreadable subdirectory is not named in the hint
        }
    }

    /**
     * What the runtime's discovery takes from a directory: a regular file (links followed) named {@code *.jar}, a
     * PF4J zip, or a plugin directory.
     */
    private static boolean isJar(Path p) {
        return p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p) || PluginLayout.isPlugin(p);
    }

    /** The real path, as the runtime dedupes jars; if the file vanished meanwhile, the verifier will say so. */
    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private void unresolve(Path path, String message, String fix) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String id = name.toLowerCase(Locale.ROOT).endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        Finding finding = Finding.error(FindingCode.PATH_UNRESOLVED, id, Location.of(path), message, fix);
        inputs.add(new Input(path, new PluginReport(id, "", path, "", List.of(finding))));
    }

    /**
     * One plugin path: a jar to read, or a path that did not resolve.
     *
     * @param path       the absolute path
     * @param unresolved the report with its {@code path-unresolved} error, or null for a jar to read
     */
    record Input(Path path, PluginReport unresolved) {
    }
}
