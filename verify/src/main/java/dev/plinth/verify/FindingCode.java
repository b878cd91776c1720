package dev.plinth.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The stable kebab-case codes of Plinth's findings, each tied to the bug of Go's plugin package it mirrors.
 *
 * <p>Codes are part of the public contract: tools match on them. A code is never renamed or reused; new codes are
 * added at the end.
 */
public enum FindingCode {
    API_MISMATCH("api-mismatch", 1, "plugin uses a host API member the host does not have",
            "error, info", "doctor, load"),
    ENTRY_POINT("entry-point", 2, "a ServiceLoader entry cannot be instantiated",
            "error, warning", "build, doctor, load"),
    BUNDLED_HOST_API("bundled-host-api", 3, "plugin jar carries its own copy of the host API",
            "warning", "build, doctor, load"),
    DUPLICATE_CLASS("duplicate-class", 3, "one class defined twice",
            "error, warning, info", "doctor, load"),
    STATIC_INIT_IO("static-init-io", 4, "static initializer reaches I/O, sleep or thread start",
            "warning", "doctor, load"),
    STATIC_INIT_FAILED("static-init-failed", 4, "static initializer threw",
            "error", "load"),
    INIT_TIMEOUT("init-timeout", 4, "static initializer or start did not return in time",
            "error", "load"),
    PATH_UNRESOLVED("path-unresolved", 5, "a plugin path does not resolve to a readable file",
            "error", "doctor, load"),
    DUPLICATE_PLUGIN_ID("duplicate-plugin-id", 6, "two jars declare one plugin id",
            "error", "doctor, load"),
    JAR_CHANGED("jar-changed", 7, "the jar on disk changed since it was loaded",
            "error, warning", "load, unload"),
    LOCK_MISMATCH("lock-mismatch", 7, "jar does not match the lockfile",
            "error", "load"),
    LOADER_LEAK("loader-leak", 8, "class loader still reachable after unload",
            "error, warning", "unload"),
    NATIVE_PLATFORM("native-platform", 9, "bundled native library for another OS or architecture",
            "error, warning", "doctor, load"),
    CLASS_VERSION("class-version", 12, "class file newer than the running JVM",
            "error", "doctor, load"),
    UNRESOLVED_REFERENCE("unresolved-reference", 11, "a referenced class or member resolves nowhere",
            "error, warning, info", "doctor, load"),
    THREAD_LEAK("thread-leak", 13, "plugin thread outlives the plugin",
            "error, warning", "doctor, load, unload"),
    SYSTEM_EXIT("system-exit", 4, "plugin can terminate the host JVM",
            "error, info", "doctor, load"),
    CORRUPT_JAR("corrupt-jar", 7, "file is not a readable, bounded jar",
            "error, warning", "doctor, load"),
    DESCRIPTOR_INVALID("descriptor-invalid", 2, "manifest or service file is malformed",
            "error, warning", "doctor, load"),
    DEPENDENCY_MISSING("dependency-missing", 11, "a declared plugin dependency is absent",
            "error", "doctor, load"),
    DEPENDENCY_CYCLE("dependency-cycle", 11, "plugin dependencies form a cycle",
            "error", "doctor, load"),
    START_FAILED("start-failed", 4, "plugin's start threw or could not be called",
            "error", "load"),
    STOP_FAILED("stop-failed", 8, "plugin's stop threw or did not return in time",
            "warning", "unload"),
    PROCESS_BOUNDARY("process-boundary", 8, "extension interface cannot cross a process boundary",
            "error", "load"),
    DEPENDENCY_VERSION("dependency-version", 11, "a plugin dependency is present in a version outside the range",
            "error", "doctor, load"),
    HOST_VERSION("host-version", 1, "the host's version is outside the plugin's Plugin-Requires range",
            "error", "doctor, load");

    private final String id;
    private final int seedBug;
    private final String title;
    private final List<Severity> severities;
    private final List<String> detectedAt;

    /** {@code severities} and {@code detectedAt} as docs/findings.md writes them: comma-separated, in order. */
    FindingCode(String id, int seedBug, String title, String severities, String detectedAt) {
        this.id = id;
        this.seedBug = seedBug;
        this.title = title;
        this.severities = Arrays.stream(severities.split(", ")).map(s -> Severity.valueOf(s.toUpperCase(
                java.util.Locale.ROOT))).toList();
        this.detectedAt = List.of(detectedAt.split(", "));
    }

    /** The severities findings of this code have, most severe first. */
    public List<Severity> severities() {
        return severities;
    }

    /**
     * Where findings of this code come from, in order: {@code build} (annotation processor, Maven plugin),
     * {@code doctor}, {@code load} (the runtime's verification and start), {@code unload} (stop, unload, reload).
     */
    public List<String> detectedAt() {
        return detectedAt;
    }

    /** The kebab-case code, e.g. {@code entry-point}. */
    public String id() {
        return id;
    }

    /** The number of the Go plugin bug (1–13) this code mirrors. */
    public int seedBug() {
        return seedBug;
    }

    /** A short title for tables and SARIF rule names. */
    public String title() {
        return title;
    }

    /** The long explanation printed by {@code plinth explain}. */
    public String explanation() {
        String resource = "explain/" + id + ".txt";
        try (InputStream in = FindingCode.class.getResourceAsStream(resource)) {
            if (in == null) {
                return title + ".";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot read", e);
        }
    }

    /** The code with this kebab-case id. */
    public static Optional<FindingCode> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /** The code nearest to a mistyped id, if one is close enough to be a typo. */
    public static Optional<FindingCode> closest(String typed) {
        FindingCode best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (FindingCode c : values()) {
            int d = EditDistance.of(typed, c.id);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, typed.length() / 4) ? Optional.of(best) : Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
