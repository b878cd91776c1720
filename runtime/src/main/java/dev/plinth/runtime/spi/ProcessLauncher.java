package dev.plinth.runtime.spi;

import dev.plinth.runtime.ProcessOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a plugin jar in a child process for {@code Isolation.PROCESS}; implemented by {@code plinth-remote} and found
 * with {@link java.util.ServiceLoader}. Hosts do not call it.
 */
public interface ProcessLauncher {

    /**
     * Checks, without starting anything, that every method of an extension interface can cross a process boundary.
     *
     * @throws IllegalArgumentException naming the first method and type that cannot
     */
    void checkCrossable(Class<?> extensionType);

    /**
     * Starts the plugin in a child process and returns once it serves.
     *
     * @param jar              the (verified, shadow-copied) plugin jar
     * @param hostApiClasspath where the shared API classes live
     * @param sharedPackages   the shared API packages
     * @param startTimeout     how long the child may take to serve
     * @param configuration    what the plugin's {@code PluginContext.configuration()} returns
     * @param options          the child JVM's call time-out, heap, options, environment and restart policy
     * @param dataDirectory    the plugin's private data directory on the host, kept across restarts and closes
     * @param listener         told when the child crashes, is restarted, or is given up on
     * @throws RuntimeException when the child does not come up or the plugin fails to start in it; the message is
     *                          reported as the plugin's finding
     */
    LaunchedPlugin launch(Path jar, List<Path> hostApiClasspath, Set<String> sharedPackages, Duration startTimeout,
                          Map<String, String> configuration, ProcessOptions options, Path dataDirectory,
                          Listener listener);

    /** What happens to a launched plugin's child process after it first served. */
    interface Listener {
        /** The child exited or was killed; calls in flight failed. {@code detail} is one line. */
        void crashed(String detail);

        /** A new child serves again. */
        void restarted(String detail);

        /** Restarts failed too often in a row; the plugin no longer serves. */
        void failed(String detail);
    }

    /** A plugin running in a child process. */
    interface LaunchedPlugin extends AutoCloseable {

        /**
         * Objects implementing {@code type} that call the plugin's extensions of it, in services-file order.
         *
         * @throws IllegalArgumentException when a method of {@code type} cannot cross a process boundary
         */
        <T> List<T> extensions(Class<T> type);

        /** Stops the child process. */
        @Override
        void close();
    }
}
