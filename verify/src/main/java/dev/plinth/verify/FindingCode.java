package dev.plinth.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The stable kebab-case codes of Plinth's findings, each tied to the bug of Go's plugin package it mirrors.
 *
 * <p>Codes are part of the public contract: tools match on them. A code is never renamed or reused; new codes are
 * added at the end.
 */
public enum FindingCode {
    API_MISMATCH("api-mismatch", 1, "plugin uses a host API member the host does not have"),
    ENTRY_POINT("entry-point", 2, "a ServiceLoader entry cannot be instantiated"),
    BUNDLED_HOST_API("bundled-host-api", 3, "plugin jar carries its own copy of the host API"),
    DUPLICATE_CLASS("duplicate-class", 3, "one class defined twice"),
    STATIC_INIT_IO("static-init-io", 4, "static initializer reaches I/O, sleep or thread start"),
    STATIC_INIT_FAILED("static-init-failed", 4, "static initializer threw"),
    INIT_TIMEOUT("init-timeout", 4, "static initializer or start did not return in time"),
    PATH_UNRESOLVED("path-unresolved", 5, "a plugin path does not resolve to a readable file"),
    DUPLICATE_PLUGIN_ID("duplicate-plugin-id", 6, "two jars declare one plugin id"),
    JAR_CHANGED("jar-changed", 7, "the jar on disk changed since it was loaded"),
    LOCK_MISMATCH("lock-mismatch", 7, "jar does not match the lockfile"),
    LOADER_LEAK("loader-leak", 8, "class loader still reachable after unload"),
    NATIVE_PLATFORM("native-platform", 9, "bundled native library for another OS or architecture"),
    CLASS_VERSION("class-version", 12, "class file newer than the running JVM"),
    UNRESOLVED_REFERENCE("unresolved-reference", 11, "a referenced class or member resolves nowhere"),
    THREAD_LEAK("thread-leak", 13, "plugin thread outlives the plugin"),
    SYSTEM_EXIT("system-exit", 4, "plugin can terminate the host JVM"),
    CORRUPT_JAR("corrupt-jar", 7, "file is not a readable, bounded jar"),
    DESCRIPTOR_INVALID("descriptor-invalid", 2, "manifest or service file is malformed"),
    DEPENDENCY_MISSING("dependency-missing", 11, "a declared plugin dependency is absent"),
    DEPENDENCY_CYCLE("dependency-cycle", 11, "plugin dependencies form a cycle"),
    START_FAILED("start-failed", 4, "plugin's start threw or could not be called"),
    STOP_FAILED("stop-failed", 8, "plugin's stop threw or did not return in time"),
    PROCESS_BOUNDARY("process-boundary", 8, "extension interface cannot cross a process boundary"),
    DEPENDENCY_VERSION("dependency-version", 11, "a plugin dependency is present in a version outside the range"),
    HOST_VERSION("host-version", 1, "the host's version is outside the plugin's Plugin-Requires range");

    private final String id;
    private final int seedBug;
    private final String title;

    FindingCode(String id, int seedBug, String title) {
        this.id = id;
        this.seedBug = seedBug;
        this.title = title;
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
