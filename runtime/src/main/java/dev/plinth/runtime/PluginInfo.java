package dev.plinth.runtime;

import dev.plinth.verify.ContextLoaderSwitch;
import dev.plinth.verify.Finding;
import dev.plinth.verify.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one plugin: identity, where it came from, its state and everything Plinth found.
 *
 * @param id          the plugin id
 * @param version     the plugin version
 * @param description the manifest's description, or empty
 * @param requires    the host API range it declares, or empty
 * @param path        the jar as given, absolute and with links resolved
 * @param sha256      the SHA-256 of the bytes that were loaded (lower-case hex)
 * @param javaRelease the Java release its newest class file targets (17 for class file 61), or 0 with no classes;
 *                    of its service providers only when it was not verified at this load (verification off, or
 *                    its findings came from the verification cache)
 * @param loaderName  the name of its class loader, {@code plugin:<id>@<version>}
 * @param state       the state when the snapshot was taken
 * @param findings    every finding about this plugin, in the order they were made
 * @param failure     the exception behind a {@code FAILED} state, or null: a {@link PluginFailure}, a copy that
 *                    keeps the original's class name, message and stack trace but no reference into the plugin's
 *                    class loader, so that a failed plugin's classes and memory can be collected
 * @param isolation   where its code runs
 * @param refused     whether the plugin is {@code FAILED} without any of its code having run: refused by the checks
 *                    of its jar, or by those made at load before its first static initializer; false when it
 *                    failed while or after its code ran (see {@link PluginState})
 * @param contextLoaderSwitch whether calls through its extension handles set the thread context class loader to
 *                    the plugin's loader, and why: not for a plugin verification proved never to consult it
 *                    (see docs/runtime.md, "Calls and handles")
 */
public record PluginInfo(String id, String version, String description, String requires, Path path, String sha256,
                         int javaRelease, String loaderName, PluginState state, List<Finding> findings,
                         Throwable failure, Isolation isolation, boolean refused,
                         ContextLoaderSwitch contextLoaderSwitch) {

    /** Copies the findings. */
    public PluginInfo {
        findings = List.copyOf(findings);
        java.util.Objects.requireNonNull(contextLoaderSwitch, "contextLoaderSwitch == null");
    }

    /** A snapshot that does not say how calls treat the context class loader: they are taken to switch it. */
    public PluginInfo(String id, String version, String description, String requires, Path path, String sha256,
                      int javaRelease, String loaderName, PluginState state, List<Finding> findings,
                      Throwable failure, Isolation isolation, boolean refused) {
        this(id, version, description, requires, path, sha256, javaRelease, loaderName, state, findings, failure,
                isolation, refused, ContextLoaderSwitch.needed("not known"));
    }

    /** A snapshot that does not say whether the plugin was refused ({@link #refused} is false). */
    public PluginInfo(String id, String version, String description, String requires, Path path, String sha256,
                      int javaRelease, String loaderName, PluginState state, List<Finding> findings,
                      Throwable failure, Isolation isolation) {
        this(id, version, description, requires, path, sha256, javaRelease, loaderName, state, findings, failure,
                isolation, false);
    }

    /** The exception behind a {@code FAILED} state, if there is one: a {@link PluginFailure}, detached copy. */
    public Optional<Throwable> failureCause() {
        return Optional.ofNullable(failure);
    }

    /** The findings of at least warning severity. */
    public List<Finding> problems() {
        return findings.stream().filter(f -> f.severity() != Severity.INFO).toList();
    }

    /** {@code id@version}. */
    public String coordinates() {
        return id + "@" + version;
    }
}
