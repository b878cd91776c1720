package dev.plinth.verify;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a finding points: a file (absolute), optionally an entry inside it, a class and a member.
 *
 * @param file   the jar or directory, absolute; never null
 * @param entry  the entry inside the jar, e.g. {@code META-INF/services/com.acme.Filter}; may be null
 * @param type   the binary class name, e.g. {@code com.acme.Upper}; may be null
 * @param member the member, e.g. {@code apply(Lcom/acme/Request;)Lcom/acme/Response;}; may be null
 */
public record Location(Path file, String entry, String type, String member) {

    /** Checks that the file is given. */
    public Location {
        Objects.requireNonNull(file, "file == null");
    }

    /** A location naming only a file. */
    public static Location of(Path file) {
        return new Location(file, null, null, null);
    }

    /** A location naming an entry inside a jar. */
    public static Location entry(Path file, String entry) {
        return new Location(file, entry, null, null);
    }

    /** A location naming a class (and its class file) inside a jar. */
    public static Location type(Path file, String binaryName) {
        return new Location(file, binaryName.replace('.', '/') + ".class", binaryName, null);
    }

    /** This location narrowed to a member of its class. */
    public Location member(String memberName) {
        return new Location(file, entry, type, memberName);
    }

    /** {@code /abs/plugin.jar!entry} or just the file. */
    public String fileAndEntry() {
        return entry == null ? file.toString() : file + "!" + entry;
    }
}
