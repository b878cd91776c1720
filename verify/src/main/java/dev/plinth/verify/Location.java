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

    /**
     * The member as Java source writes it, {@code apply(com.acme.Request)} for
     * {@code apply(Lcom/acme/Request;)Ljava/lang/String;}; a field or a malformed descriptor as it is; null if none.
     */
    public String readableMember() {
        if (member == null) {
            return null;
        }
        int paren = member.indexOf('(');
        if (paren <= 0) {
            return member;
        }
        try {
            String name = member.substring(0, paren);
            String readable = Names.method(name, member.substring(paren));
            return name.equals("<clinit>") ? "<clinit>" : readable;
        } catch (RuntimeException e) {
            return member; // not a descriptor Plinth wrote: show it unchanged
        }
    }

    /** {@code /abs/plugin.jar!entry} or just the file. */
    public String fileAndEntry() {
        return entry == null ? file.toString() : file + "!" + entry;
    }
}
