package dev.plinth.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A SemVer range as plugin descriptors write it: comparisons joined by {@code &} (all must hold) and alternatives
 * joined by {@code ||}.
 *
 * <ul>
 *   <li>{@code >=1.0.0}, {@code >1.0}, {@code <2.0.0}, {@code <=1.4}, {@code =1.2.3};</li>
 *   <li>{@code ^1.2} — same major, at least 1.2.0 ({@code ^0.3} stays below 0.4.0); {@code ~1.2} — same minor;</li>
 *   <li>{@code 1.x}, {@code 1.2.x}, {@code *} — any version with those leading parts;</li>
 *   <li>a bare version, {@code 1.2.0}, means at least that version ({@code >=1.2.0}), as PF4J reads
 *       {@code Plugin-Requires}.</li>
 * </ul>
 * A pre-release satisfies a range only if a bound of the range names that same release's pre-release.
 *
 * <h2>Errors</h2>
 * {@link #parse} throws {@link IllegalArgumentException} naming the part that is not understood.
 */
public final class VersionRange {
    /** Compiled once: String.split compiles a two-character separator at every call, for every plugin. */
    private static final java.util.regex.Pattern ALTERNATIVES = java.util.regex.Pattern.compile("\\|\\|");

    private final String text;
    private final List<List<Predicate<Version>>> alternatives;
    private final List<Version> bounds;

    private VersionRange(String text, List<List<Predicate<Version>>> alternatives, List<Version> bounds) {
        this.text = text;
        this.alternatives = alternatives;
        this.bounds = bounds;
    }

    /** Parses a range; an empty text or {@code *} is any version. */
    public static VersionRange parse(String text) {
        Objects.requireNonNull(text, "text == null");
        List<List<Predicate<Version>>> alternatives = new ArrayList<>();
        List<Version> bounds = new ArrayList<>();
        for (String alternative : text.strip().isEmpty() ? new String[] {"*"} : ALTERNATIVES.split(text, -1)) {
            List<Predicate<Version>> all = new ArrayList<>();
            for (String part : alternative.split("&", -1)) {
                String p = part.strip().replace(" ", "");
                if (p.isEmpty()) {
                    throw new IllegalArgumentException("range '" + text + "' has an empty part");
                }
                all.add(comparison(text, p, bounds));
            }
            alternatives.add(List.copyOf(all));
        }
        return new VersionRange(text.strip(), List.copyOf(alternatives), List.copyOf(bounds));
    }

    private static Predicate<Version> comparison(String range, String p, List<Version> bounds) {
        try {
            if (p.equals("*") || p.equalsIgnoreCase("x")) {
                return v -> true;
            }
            if (p.startsWith(">=") || p.startsWith("<=")) {
                Version bound = bound(p.substring(2), bounds);
                return p.charAt(0) == '>' ? v -> v.compareTo(bound) >= 0 : v -> v.compareTo(bound) <= 0;
            }
            if (p.startsWith(">") || p.startsWith("<") || p.startsWith("=")) {
                Version bound = bound(p.substring(1), bounds);
                return switch (p.charAt(0)) {
                    case '>' -> v -> v.compareTo(bound) > 0;
                    case '<' -> v -> v.compareTo(bound) < 0;
                    default -> v -> v.compareTo(bound) == 0;
                };
            }
            if (p.startsWith("^")) {
                Version low = bound(p.substring(1), bounds);
                Version high = low.part(0) > 0 ? Version.parse((low.part(0) + 1) + ".0.0")
                        : low.part(1) > 0 ? Version.parse("0." + (low.part(1) + 1) + ".0")
                        : Version.parse("0.0." + (low.part(2) + 1));
                return v -> v.compareTo(low) >= 0 && v.compareTo(high) < 0;
            }
            if (p.startsWith("~")) {
                Version low = bound(p.substring(1), bounds);
                Version high = Version.parse(low.part(0) + "." + (low.part(1) + 1) + ".0");
                return v -> v.compareTo(low) >= 0 && v.compareTo(high) < 0;
            }
            if (p.endsWith(".x") || p.endsWith(".X") || p.endsWith(".*")) {
                String[] fixed = p.substring(0, p.length() - 2).split("\\.");
                long[] parts = new long[fixed.length];
                for (int i = 0; i < fixed.length; i++) {
                    parts[i] = Long.parseLong(fixed[i]);
                }
                return v -> {
                    for (int i = 0; i < parts.length; i++) {
                        if (v.part(i) != parts[i]) {
                            return false;
                        }
                    }
                    return true;
                };
            }
            Version at = bound(p, bounds);
            return v -> v.compareTo(at) >= 0;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("range '" + range + "': '" + p + "' is not a comparison such as"
                    + " >=1.0.0, <2.0, ^1.2, ~1.2, 1.x or 1.2.0", e);
        }
    }

    private static Version bound(String text, List<Version> bounds) {
        Version v = Version.parse(text);
        bounds.add(v);
        return v;
    }

    /** Whether a version lies in this range. */
    public boolean includes(Version version) {
        Objects.requireNonNull(version, "version == null");
        if (version.isPreRelease() && bounds.stream().noneMatch(b -> b.isPreRelease() && b.part(0) == version.part(0)
                && b.part(1) == version.part(1) && b.part(2) == version.part(2))) {
            return false;
        }
        return alternatives.stream().anyMatch(all -> all.stream().allMatch(p -> p.test(version)));
    }

    /** The range as written, trimmed; {@code *} for any version. */
    @Override
    public String toString() {
        return text.isEmpty() ? "*" : text;
    }
}
