package dev.plinth.remote;

import dev.plinth.runtime.ProcessOptions;
import dev.plinth.runtime.spi.ProcessLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lets {@code PluginHost} run plugins configured with {@code Isolation.PROCESS} in child JVMs: found by the runtime
 * through {@link java.util.ServiceLoader}; hosts do not use it directly.
 */
public final class ProcessIsolation implements ProcessLauncher {

    /** Called by {@link java.util.ServiceLoader}. */
    public ProcessIsolation() {
    }

    @Override
    public void checkCrossable(Class<?> extensionType) {
        TypeCheck.check(extensionType);
    }

    @Override
    public LaunchedPlugin launch(Path jar, List<Path> hostApiClasspath, Set<String> sharedPackages,
                                 Duration startTimeout, Map<String, String> configuration, ProcessOptions options,
                                 Path dataDirectory, Listener listener) {
        RemotePlugin plugin = RemotePlugin.launch(RemoteOptions.builder().jar(jar).hostApiClasspath(hostApiClasspath)
                .sharedPackages(sharedPackages.toArray(String[]::new)).startTimeout(startTimeout)
                .configuration(configuration).processOptions(options).dataDirectory(dataDirectory).build());
        plugin.addListener(e -> {
            switch (e.kind()) {
                case CRASHED -> listener.crashed(e.message());
                case RESTARTED -> listener.restarted(e.message());
                case FAILED -> {
                    if (plugin.state() == RemoteState.FAILED) {
                        listener.failed(e.message());
                    }
                }
                default -> {
                    // STARTED, RELOADED, CLOSED: the host drives those itself
                }
            }
        });
        return new LaunchedPlugin() {
            @Override
            public <T> List<T> extensions(Class<T> type) {
                return plugin.extensions(type);
            }

            @Override
            public void close() {
                plugin.close();
            }
        };
    }
}
