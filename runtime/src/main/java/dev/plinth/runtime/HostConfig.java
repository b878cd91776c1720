package dev.plinth.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settled configuration of a host, made by {@link PluginHostBuilder}; no verification cache is null;
 * {@code sharedShadows}: the shadow directory outlives the host and other hosts may use it.
 */
record HostConfig(List<String> sharedPackages, List<Path> pluginDirectories, List<Path> pluginJars,
                  Path baseDirectory, String baseDirectorySource, Path workDirectory, boolean ownsWorkDirectory,
                  Path dataDirectory, Duration startTimeout, Duration stopTimeout, ClassLoader hostLoader,
                  Map<String, Map<String, String>> configurations, boolean verify, Duration leakCheckTimeout,
                  Duration leakReportAfter, Path heapDumpDirectory, List<PluginListener> listeners, Path lockfile,
                  Isolation isolation, Map<String, Isolation> isolationByPlugin, String hostVersion,
                  java.util.Set<String> disabled, ProcessOptions processOptions,
                  Map<String, ProcessOptions> processOptionsByPlugin, VerificationCache verificationCache,
                  int startThreads, boolean skipSwitchWhenProven, Path shadowDirectory,
                  boolean sharedShadows) {

    HostConfig {
        sharedPackages = List.copyOf(sharedPackages);
        pluginDirectories = List.copyOf(pluginDirectories);
        pluginJars = List.copyOf(pluginJars);
        configurations = Map.copyOf(configurations);
        listeners = List.copyOf(listeners);
        isolationByPlugin = Map.copyOf(isolationByPlugin);
        disabled = java.util.Set.copyOf(disabled);
        processOptionsByPlugin = Map.copyOf(processOptionsByPlugin);
    }

    /** How this plugin's child JVM runs under {@code PROCESS}. */
    ProcessOptions processOptionsOf(String pluginId) {
        return processOptionsByPlugin.getOrDefault(pluginId, processOptions);
    }

    /** This plugin's private data directory, {@code <dataDirectory>/<id>}. */
    Path dataDirectoryOf(String pluginId) {
        return dataDirectory.resolve(pluginId);
    }

    /** Where this plugin's code runs. */
    Isolation isolationOf(String pluginId) {
        return isolationByPlugin.getOrDefault(pluginId, isolation);
    }

    /** A path as given, resolved against the base directory when relative. */
    Path resolve(Path path) {
        return baseDirectory.resolve(path).normalize();
    }
}
