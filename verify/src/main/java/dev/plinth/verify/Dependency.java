package dev.plinth.verify;

import java.util.Objects;

/**
 * One entry of {@code Plugin-Dependencies}: {@code core@>=1.0.0 & <2.0.0}, {@code audit?}, {@code metrics@^1.2}.
 *
 * @param id       the plugin id depended on
 * @param range    the versions that satisfy it; any version when the entry names none
 * @param optional whether the plugin also loads without it ({@code ?} after the id)
 */
public record Dependency(String id, VersionRange range, boolean optional) {
    /** Checks that the id and range are given. */
    public Dependency {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(range, "range == null");
    }

    /**
     * Parses one entry; PF4J's syntax: {@code id}, {@code id?}, {@code id@range}, {@code id?@range}.
     *
     * @throws IllegalArgumentException when the id or the range is malformed, naming it
     */
    public static Dependency parse(String entry) {
        Objects.requireNonNull(entry, "entry == null");
        String e = entry.strip();
        int at = e.indexOf('@');
        String id = at < 0 ? e : e.substring(0, at).strip();
        boolean optional = id.endsWith("?");
        if (optional) {
            id = id.substring(0, id.length() - 1);
        }
        if (!DescriptorParser.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + e + "' does not start with a plugin id");
        }
        return new Dependency(id, VersionRange.parse(at < 0 ? "" : e.substring(at + 1)), optional);
    }

    /** The entry as PF4J's syntax writes it. */
    @Override
    public String toString() {
        String r = range.toString();
        return id + (optional ? "?" : "") + (r.equals("*") ? "" : "@" + r);
    }
}
