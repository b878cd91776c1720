package dev.plinth.maven;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import dev.plinth.verify.PluginArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks that every {@code META-INF/services} file the build produced is in the jar, with every provider it lists.
 *
 * <p>The verifier sees only the jar: a jar whose services file went missing has no entry point and passes with no
 * finding. That happens without {@code mvn clean} when a project switches from {@code @Extension} to a hand-written
 * services file of the same name: maven-resources-plugin copies the hand-written file into {@code target/classes},
 * then maven-compiler-plugin, recompiling, deletes the file the annotation processor had written there in the last
 * build, and so the copy. Each services file of a resource directory and of the output directory is compared with
 * the jar; a file or provider missing from it is an {@code entry-point} error.
 */
final class ServicesInJar {
    private static final String SERVICES = "META-INF/services";

    private ServicesInJar() {
    }

    /**
     * The errors for services files or providers the jar lacks.
     *
     * @param archive the packaged jar, read
     * @param sources where the build's services files come from: resource directories and the output directory,
     *                each with {@code META-INF/services} directly below it; missing directories are skipped
     * @param base    the project directory, to name sources relative to it
     */
    static List<Finding> check(PluginArchive archive, List<Path> sources, Path base) {
        Set<String> inJar = archive.services().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(s -> e.getKey() + " " + s.provider()))
                .collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Path source : sources) {
            for (Path file : servicesFiles(source.resolve(SERVICES))) {
                String service = file.getFileName().toString();
                String where = base.relativize(file.toAbsolutePath()).toString();
                for (String provider : providers(file)) {
                    if (inJar.contains(service + " " + provider)
                            || !reported.add(service + " " + provider)) {
                        continue;
                    }
                    boolean fileInJar = archive.services().containsKey(service);
                    String jarName = archive.path().getFileName().toString();
                    String message = SERVICES + "/" + service + ": " + where + " lists " + provider + ", but "
                            + (fileInJar ? jarName + "'s copy of the file does not" : jarName + " has no such file");
                    findings.add(Finding.error(FindingCode.ENTRY_POINT, archive.descriptor().id(),
                            Location.entry(archive.path(), SERVICES + "/" + service), message,
                            "rebuild with mvn clean package: without clean, maven-compiler-plugin deletes the"
                                    + " services file the annotation processor wrote in an earlier build, and with it"
                                    + " a hand-written file of the same name copied from src/main/resources"));
                }
            }
        }
        return List.copyOf(findings);
    }

    private static List<Path> servicesFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list", e);
        }
    }

    /** The provider names a services file lists, as ServiceLoader reads it: comments and blanks dropped. */
    static List<String> providers(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(l -> l.replaceFirst("#.*", ""))
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }
}
