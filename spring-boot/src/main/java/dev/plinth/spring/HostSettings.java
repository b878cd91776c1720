package dev.plinth.spring;

import dev.plinth.runtime.ApiManifests;
import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginHostBuilder;
import dev.plinth.runtime.ProcessOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Turns {@link PlinthProperties} into a {@link PluginHost}, refusing a setting that cannot work by its name. */
final class HostSettings {
    private final PlinthProperties properties;
    private final ClassLoader hostLoader;
    private final Path base;

    HostSettings(PlinthProperties properties, ClassLoader hostLoader, Path base) {
        this.properties = properties;
        this.hostLoader = hostLoader;
        this.base = base;
    }

    PluginHost build(PluginHostBuilder builder) {
        builder.hostClassLoader(hostLoader).baseDirectory(base).verification(properties.isVerification());
        builder.sharedPackages(sharedPackages().toArray(String[]::new));
        List<String> directories = properties.getPlugins().getDirectory();
        for (int i = 0; i < directories.size(); i++) {
            builder.pluginDirectory(existing("plinth.plugins.directory[" + i + "]", directories.get(i), true));
        }
        List<String> jars = properties.getPlugins().getJars();
        for (int i = 0; i < jars.size(); i++) {
            builder.plugin(existing("plinth.plugins.jars[" + i + "]", jars.get(i), false));
        }
        timeout("plinth.start-timeout", properties.getStartTimeout(), builder::startTimeout);
        timeout("plinth.stop-timeout", properties.getStopTimeout(), builder::stopTimeout);
        if (properties.getLockfile() != null) {
            Path lockfile = base.resolve(properties.getLockfile()).normalize();
            if (!Files.isRegularFile(lockfile)) {
                throw new PlinthConfigurationException("plinth.lockfile", lockfile, "no such file",
                        "Write it with 'plinth lock' from the plugin directory, or remove the setting.");
            }
            builder.lockfile(lockfile);
        }
        if (properties.getWorkDirectory() != null) {
            builder.workDirectory(base.resolve(properties.getWorkDirectory()).normalize());
        }
        if (properties.getDataDirectory() != null) {
            builder.dataDirectory(base.resolve(properties.getDataDirectory()).normalize());
        }
        properties.getIsolation().forEach(builder::isolation);
        Integer threads = properties.getStartThreads();
        if (threads != null) {
            checked("plinth.start-threads", threads, () -> builder.startThreads(threads));
        }
        properties.getProcess().forEach((id, settings) -> {
            ProcessOptions options = processOptions("plinth.process." + id, settings);
            if (id.equals("default")) {
                builder.processOptions(options);
            } else {
                builder.processOptions(id, options);
            }
        });
        properties.getConfiguration().forEach(builder::configuration);
        builder.disable(properties.getDisabled().toArray(String[]::new));
        return builder.build();
    }

    /** The configured packages, else those the API jars on the class path name in their manifests. */
    List<String> sharedPackages() {
        if (!properties.getSharedPackages().isEmpty()) {
            return List.copyOf(properties.getSharedPackages());
        }
        Set<String> found = ApiManifests.sharedPackages(hostLoader);
        if (found.isEmpty()) {
            throw new PlinthConfigurationException("plinth.shared-packages", "(empty)",
                    "no host API packages are configured, and no jar on the class path names any in its manifest's "
                            + ApiManifests.SHARED_PACKAGES + " attribute",
                    "Set plinth.shared-packages to the packages of your host API (e.g. com.acme.api), or add "
                            + ApiManifests.SHARED_PACKAGES + " to the API jar's manifest (see docs/start-host.md).");
        }
        return List.copyOf(found);
    }

    /** The runtime's defaults, with what the settings give; each value checked by {@link ProcessOptions}. */
    private static ProcessOptions processOptions(String property, PlinthProperties.Process settings) {
        ProcessOptions.Builder options = ProcessOptions.builder();
        if (settings.getCallTimeout() != null) {
            checked(property + ".call-timeout", settings.getCallTimeout(),
                    () -> options.callTimeout(settings.getCallTimeout()));
        }
        if (settings.getMaxHeap() != null) {
            checked(property + ".max-heap", settings.getMaxHeap(), () -> options.maxHeap(settings.getMaxHeap()));
        }
        checked(property + ".jvm-options", settings.getJvmOptions(),
                () -> options.jvmOptions(settings.getJvmOptions().toArray(String[]::new)));
        settings.getEnvironment().forEach((name, value) -> checked(property + ".environment." + name, value,
                () -> options.environment(name, value)));
        if (settings.getMaxFailedStarts() != null) {
            checked(property + ".max-failed-starts", settings.getMaxFailedStarts(),
                    () -> options.maxFailedStarts(settings.getMaxFailedStarts()));
        }
        return options.build();
    }

    private static void checked(String property, Object value, Runnable set) {
        try {
            set.run();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PlinthConfigurationException(property, value, e.getMessage(),
                    "Correct the setting; docs/spring-boot.md lists what each takes.");
        }
    }

    private Path existing(String property, String given, boolean directory) {
        Path path = base.resolve(given).normalize();
        if (!Files.exists(path)) {
            throw new PlinthConfigurationException(property, path, "no such file or directory",
                    "Create it, or correct the path (relative paths resolve against " + base + ").");
        }
        if (directory && !Files.isDirectory(path)) {
            throw new PlinthConfigurationException(property, path, "not a directory",
                    "Name the directory that holds the plugin jars, or list single jars in plinth.plugins.jars.");
        }
        return path;
    }

    /** Sets a time-out; the builder's bounds decide, the message names the setting. */
    private static void timeout(String property, Duration value, Consumer<Duration> set) {
        try {
            set.accept(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PlinthConfigurationException(property, value == null ? null : value.toMillis() + "ms",
                    "must be between 1ms and 1h", "Set it to a duration such as 5s or 500ms.");
        }
    }
}
