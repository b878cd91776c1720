package dev.plinth.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A plugin or host version, compared the SemVer way: numeric parts ({@code 1.2} is {@code 1.2.0}), then a
 * pre-release ({@code 1.0.0-rc.1}) before its release; build metadata ({@code +build.7}) is ignored.
 *
 * <h2>Errors</h2>
 * {@link #parse} throws {@link IllegalArgumentException} naming the text when it is not a version.
 */
public final class Version implements Comparable<Version> {
    private final String text;
    private final List<Long> numbers;
    private final List<String> preRelease;

    private Version(String text, List<Long> numbers, List<String> preRelease) {
        this.text = text;
        this.numbers = numbers;
        this.preRelease = preRelease;
    }

    /** Parses {@code 1}, {@code 1.2}, {@code 1.2.3} or {@code 1.2.3.4}, each with {@code -pre} and {@code +build}. */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text == null");
        String s = text.strip();
        if (!DescriptorParser.VERSION.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a version (expected e.g. 1.2.0 or 1.2.0-rc.1)");
        }
        int plus = s.indexOf('+');
        String core = plus < 0 ? s : s.substring(0, plus);
        int dash = core.indexOf('-');
        String release = dash < 0 ? core : core.substring(0, dash);
        List<Long> numbers = new ArrayList<>();
        for (String part : release.split("\\.")) {
            try {
                numbers.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a version: '" + part + "' is too large", e);
            }
        }
        while (numbers.size() < 3) {
            numbers.add(0L);
        }
        List<String> pre = dash < 0 ? List.of() : List.of(core.substring(dash + 1).split("\\."));
        return new Version(s, List.copyOf(numbers), pre);
    }

    /** Part {@code i} of the release numbers: 0 major, 1 minor, 2 patch; 0 when absent. */
    long part(int i) {
        return i < numbers.size() ? numbers.get(i) : 0;
    }

    /** Whether this is a pre-release, such as {@code 1.0.0-rc.1}. */
    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    @Override
    public int compareTo(Version other) {
        int n = Math.max(numbers.size(), other.numbers.size());
        for (int i = 0; i < n; i++) {
            int c = Long.compare(part(i), other.part(i));
            if (c != 0) {
                return c;
            }
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            int c = comparePre(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int comparePre(String a, String b) {
        boolean an = a.chars().allMatch(Character::isDigit);
        boolean bn = b.chars().allMatch(Character::isDigit);
        if (an && bn) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        return an ? -1 : bn ? 1 : a.compareTo(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        List<Long> trimmed = new ArrayList<>(numbers);
        while (trimmed.size() > 3 && trimmed.get(trimmed.size() - 1) == 0) {
            trimmed.remove(trimmed.size() - 1);
        }
        return Objects.hash(trimmed, preRelease);
    }

    /** The text it was parsed from, trimmed. */
    @Override
    public String toString() {
        return text;
    }
}
