package dev.plinth.cli;

import dev.plinth.verify.Limits;
import dev.plinth.verify.PluginArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Jars inside a plugin jar that are not on its class path, as Spring Boot ({@code BOOT-INF/lib/}) or deeper
 * folders lay them out. Plinth's class loader reads a plugin's own class files and the jars directly under
 * {@code lib/}, so any other nested jar's classes are never found: worth a note before the first
 * {@code NoClassDefFoundError}.
 *
 * <p>Only entry names are read, from the zip's central directory, and at most {@link Limits#DEFAULT}'s entry count.
 * A file that is not a readable zip gives no note: the verifier reports it as {@code corrupt-jar}.
 */
final class NestedJars {
    /** How many nested jar names a note lists before it says how many more there are. */
    static final int LISTED = 3;

    private NestedJars() {
    }

    /** A {@code note:} line naming the nested jars of a regular file, if it is a readable zip that has any. */
    static Optional<String> note(Path jar) {
        List<String> nested = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.size() > Limits.DEFAULT.maxEntries()) {
                return Optional.empty(); // the verifier refuses it, with a finding
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".jar")
                        && !PluginArchive.isLibrary(entry.getName())) {
                    nested.add(entry.getName());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a readable zip, or an entry name that is not valid UTF-8: the verifier reports it as corrupt-jar
            return Optional.empty();
        }
        if (nested.isEmpty()) {
            return Optional.empty();
        }
        String listed = String.join(", ", nested.subList(0, Math.min(LISTED, nested.size())))
                + (nested.size() > LISTED ? " and " + (nested.size() - LISTED) + " more" : "");
        return Optional.of("note: " + jar + ": contains " + (nested.size() == 1 ? "a nested jar" : nested.size()
                + " nested jars") + " (" + listed + ") that " + (nested.size() == 1 ? "is" : "are") + " not on the"
                + " plugin's class path: Plinth loads a plugin's own classes and the jars directly under lib/;"
                + " move the libraries to lib/, or shade them into the plugin jar");
    }
}
