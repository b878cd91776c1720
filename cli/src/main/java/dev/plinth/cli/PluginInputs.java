package dev.plinth.cli;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the doctor's path arguments into the jars to check: a file is one jar, a directory is every {@code *.jar}
 * directly in it, sorted by name. Relative paths resolve against the working directory, and a path that does not
 * resolve becomes a {@code path-unresolved} finding instead of an exception (Go's bug 5: a plugin path that
 * silently depends on the current directory).
 */
final class PluginInputs {
    private final Path workingDirectory;
    private final List<Input> inputs = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

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

    /** Remarks for standard error, e.g. a directory without jars. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private void add(Path given) {
        Path path = workingDirectory.resolve(given).normalize();
        if (!Files.exists(path)) {
            String relative = given.isAbsolute() ? ""
                    : " (relative path '" + given + "' resolved against " + workingDirectory + ")";
            unresolve(given, path, path + ": no such file or directory" + relative,
                    given.isAbsolute() ? "check the path; the plugin is not where it was expected"
                            : "pass an absolute path, or run from the directory the path is relative to");
            return;
        }
        if (!Files.isDirectory(path)) {
            inputs.add(new Input(path, null));
            return;
        }
        try (Stream<Path> children = Files.list(path)) {
            List<Path> found = children.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            if (found.isEmpty()) {
                notes.add("note: " + path + ": no *.jar files in this directory");
            }
            found.forEach(jar -> inputs.add(new Input(jar, null)));
        } catch (IOException e) {
            unresolve(given, path, path + ": cannot list the directory (" + e.getMessage() + ")",
                    "check the directory's permissions");
        }
    }

    private void unresolve(Path given, Path path, String message, String fix) {
        String name = String.valueOf(given.getFileName());
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
