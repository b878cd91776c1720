package dev.plinth.runtime;

import dev.plinth.runtime.spi.ProcessLauncher;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one generation of a plugin held — context, class loader, child process — taken out of its record so that
 * the host keeps no reference to it, and the steps that close each.
 */
final class Detached {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    final ManagedContext context;
    final PluginClassLoader loader;
    final ProcessLauncher.LaunchedPlugin remote;
    private final String pluginId;
    private final String loaderName;

    Detached(String pluginId, String loaderName, ManagedContext context, PluginClassLoader loader,
             ProcessLauncher.LaunchedPlugin remote) {
        this.pluginId = pluginId;
        this.loaderName = loaderName;
        this.context = context;
        this.loader = loader;
        this.remote = remote;
    }

    /** Stops the child JVM, if any, and shuts the context's executors down (signalling {@code stopping} first). */
    void stopExecution() {
        if (remote != null) {
            remote.close(); // nothing of the plugin lives in this JVM
        }
        if (context == null) {
            return;
        }
        context.signalStopping();
        try {
            if (!context.shutdownExecutors(Duration.ofSeconds(1))) {
                LOG.warn("plugin {}: managed executor threads still running after shutdown", pluginId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the class loader, if any, and frees its name. */
    void closeLoader() {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            LOG.warn("plugin {}: closing its class loader failed", pluginId, e);
        }
        LoaderNames.release(loaderName);
    }
}
