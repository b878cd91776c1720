package dev.plinth.testkit;

import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginInfo;
import dev.plinth.runtime.ReloadReport;
import dev.plinth.runtime.UnloadReport;
import dev.plinth.verify.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * The plugin under test, loaded into a started {@link PluginHost} for one test: its extensions, its findings, and
 * the host to drive reloads and unloads with.
 *
 * <p>Extensions come through the host's handles, exactly as a real host gets them: the plugin's classes are defined
 * by its own class loader from the jar, not by the test's class loader.
 *
 * <h2>Threading</h2>
 * Valid from the start of a test until its end; safe to use from the test's threads in that time.
 */
public interface Plinth {

    /** The host, started, with the plugin under test as its only plugin. */
    PluginHost host();

    /** The plugin's id. */
    String pluginId();

    /** The jar the host loaded: the built jar, or one made from the class directory for this test. */
    Path jar();

    /** A fresh snapshot of the plugin: state, loader name, findings. */
    PluginInfo plugin();

    /** Every finding about the plugin, errors, warnings and info alike. */
    List<Finding> findings();

    /** The findings of warning or error severity: {@code assertThat(plinth.problems()).isEmpty()}. */
    List<Finding> problems();

    /** The plugin's extensions of a host interface, in the host's order; empty when it has none or failed. */
    <T> List<T> extensions(Class<T> type);

    /**
     * The plugin's one extension of a host interface.
     *
     * @throws AssertionError when there is none or more than one; the message lists the plugin's state and findings
     */
    <T> T extension(Class<T> type);

    /** Reloads the plugin from its jar: a new generation, started before the old one is retired. */
    ReloadReport reload();

    /** Stops and unloads the plugin, and reports whether its class loader was collected. */
    UnloadReport unload();

    /** The plugin's state and findings as text, one finding per line, for assertion messages. */
    String report();
}
