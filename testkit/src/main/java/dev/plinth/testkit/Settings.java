package dev.plinth.testkit;

import dev.plinth.runtime.PluginHostBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How to load the plugin under test.
 *
 * @param sharedPackages host API packages; empty means those the class path names
 * @param classes        the class directory, used when {@code jar} is null
 * @param jar            a built plugin jar, or null
 * @param pluginId       the id for a class directory without one in its manifest, or null
 * @param configuration  the plugin's configuration
 * @param customizer     anything else to set on the host
 */
record Settings(List<String> sharedPackages, Path classes, Path jar, String pluginId,
                Map<String, String> configuration, Consumer<PluginHostBuilder> customizer) {

    Settings {
        sharedPackages = List.copyOf(sharedPackages);
        configuration = Map.copyOf(configuration);
    }

    static Settings of(PlinthTest annotation) {
        Map<String, String> configuration = new java.util.LinkedHashMap<>();
        for (String entry : annotation.configuration()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@PlinthTest(configuration = \"" + entry + "\"): expected"
                        + " key=value");
            }
            configuration.put(entry.substring(0, eq).strip(), entry.substring(eq + 1));
        }
        return new Settings(List.of(annotation.sharedPackages()), Path.of(annotation.classes()),
                annotation.jar().isEmpty() ? null : Path.of(annotation.jar()),
                annotation.pluginId().isEmpty() ? null : annotation.pluginId(), configuration, b -> { });
    }
}
