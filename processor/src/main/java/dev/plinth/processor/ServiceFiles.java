package dev.plinth.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The {@code META-INF/services} files of one compilation: providers gathered over every round, merged at the end
 * with the lines already in the class output, and each file written once.
 *
 * <p>Merging keeps every existing line verbatim and in order (comments too) and appends the new providers sorted,
 * so a file copied from {@code src/main/resources} or left by an earlier incremental compilation loses nothing,
 * and the same sources always give the same bytes.
 */
final class ServiceFiles {
    private final Filer filer;
    private final Map<String, Set<String>> providers = new TreeMap<>();
    private final Map<String, Set<Element>> origins = new TreeMap<>();

    ServiceFiles(Filer filer) {
        this.filer = filer;
    }

    void add(String service, String provider, Element origin) {
        providers.computeIfAbsent(service, s -> new TreeSet<>()).add(provider);
        origins.computeIfAbsent(service, s -> new LinkedHashSet<>()).add(origin);
    }

    /** Writes every file that gained a provider; returns one message per file that could not be written. */
    List<String> write() {
        List<String> problems = new ArrayList<>();
        providers.forEach((service, names) -> {
            String path = "META-INF/services/" + service;
            try {
                List<String> lines = existing(path);
                Set<String> listed = new LinkedHashSet<>();
                lines.forEach(line -> listed.add(provider(line)));
                List<String> added = names.stream().filter(n -> !listed.contains(n)).toList();
                if (added.isEmpty()) {
                    return; // everything already listed: leave the file, and its time stamp, alone
                }
                lines.addAll(added);
                FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path,
                        origins.get(service).toArray(Element[]::new));
                try (Writer out = file.openWriter()) {
                    for (String line : lines) {
                        out.write(line);
                        out.write('\n');
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add(path + ": cannot write the services file (" + e + ")");
            }
        });
        providers.clear();
        return problems;
    }

    /** The lines of the file in the class output, without trailing blank lines; empty when there is none. */
    private List<String> existing(String path) {
        List<String> lines = new ArrayList<>();
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", path);
            try (InputStream in = file.openInputStream()) {
                lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            }
        } catch (IOException | IllegalArgumentException e) {
            return lines; // no such file yet (javac throws NoSuchFileException, Gradle may refuse the location)
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The provider a line names, as ServiceLoader parses it: up to a {@code #}, stripped. */
    private static String provider(String line) {
        int comment = line.indexOf('#');
        return (comment < 0 ? line : line.substring(0, comment)).strip();
    }
}
