package dev.plinth.gallery;

import dev.plinth.runtime.PluginInfo;
import dev.plinth.runtime.ReloadReport;
import dev.plinth.runtime.UnloadReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario showed: the real failure without Plinth, and Plinth's findings, plugin states, the good
 * plugin's output and any unload or reload report. {@link #without} and {@link #with} are the two captured lines
 * of {@code docs/bugs.md}; tests assert on the rest.
 */
final class Outcome {
    final Scenario scenario;
    /** The JVM's own exception in the naive host, or null when the symptom is not an exception. */
    Throwable failure;
    /** The captured one-line symptom without Plinth. */
    String without = "";
    /** The captured one-line report with Plinth. */
    String with = "";
    /** The finding codes shown, comma-separated, or a dash. */
    String codes = "—";
    /** Where the check lives: build, doctor, load, unload. */
    String where = "";
    /** The doctor run, if the scenario ran one. */
    Doctor.Report doctor;
    /** The Plinth host's plugins after start (and after a reload or unload, where there is one). */
    List<PluginInfo> plugins = List.of();
    /** What the good plugin {@code trim} (or the fixed plugin) returned in the Plinth host. */
    String good = "";
    /** The unload report, for bugs about unloading. */
    UnloadReport unload;
    /** The reload report, for bugs about reloading. */
    ReloadReport reload;
    /** Anything else a test asserts on, by name. */
    final Map<String, Object> facts = new LinkedHashMap<>();

    Outcome(Scenario scenario) {
        this.scenario = scenario;
    }

    /** The plugin with this id in {@link #plugins}. */
    PluginInfo plugin(String id) {
        return plugins.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no plugin " + id + " in " + plugins));
    }

    Outcome fact(String name, Object value) {
        facts.put(name, value);
        return this;
    }
}
