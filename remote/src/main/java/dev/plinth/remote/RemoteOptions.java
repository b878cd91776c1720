package dev.plinth.remote;

import dev.plinth.runtime.ProcessOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to launch one out-of-process plugin: its jar, where the host API lives, time-outs, child JVM options and
 * the restart back-off. Immutable; made by {@link #builder()}.
 *
 * @param jar                the plugin jar, absolute
 * @param hostApiClasspath   jars and directories holding the shared API classes, absolute
 * @param sharedPackages     the host API packages, as for {@code PluginHostBuilder.sharedPackages}
 * @param callTimeout        how long one call may take before its child is killed and restarted
 * @param startTimeout       how long a child may take to start, connect and start the plugin
 * @param maxHeap            the child's {@code -Xmx} value, e.g. {@code 64m}
 * @param jvmOptions         further options for the child JVM, after the defaults
 * @param initialBackoff     the delay before the first restart after a crash
 * @param maxBackoff         the delay doubles per consecutive crash up to this
 * @param maxFailedStarts    consecutive failed restarts after which the plugin is {@code FAILED}
 * @param javaCommand        the {@code java} executable; by default the host's own
 * @param configuration      what the plugin's {@code PluginContext.configuration()} returns in the child; passed
 *                           in a file in the private launch directory, never on the command line
 * @param environment        variables added to the child's environment, which inherits the host's
 * @param dataDirectory      the plugin's data directory ({@code PluginContext.dataDirectory()}), kept across
 *                           restarts; null: one in the launch directory, deleted with the child
 */
public record RemoteOptions(Path jar, List<Path> hostApiClasspath, List<String> sharedPackages,
                            Duration callTimeout, Duration startTimeout, String maxHeap, List<String> jvmOptions,
                            Duration initialBackoff, Duration maxBackoff, int maxFailedStarts, Path javaCommand,
                            java.util.Map<String, String> configuration, java.util.Map<String, String> environment,
                            Path dataDirectory) {

    /** Copies the lists. */
    public RemoteOptions {
        Objects.requireNonNull(jar, "jar == null");
        hostApiClasspath = List.copyOf(hostApiClasspath);
        sharedPackages = List.copyOf(sharedPackages);
        jvmOptions = List.copyOf(jvmOptions);
        configuration = java.util.Map.copyOf(configuration);
        environment = java.util.Map.copyOf(environment);
    }

    /** A builder with the defaults: call time-out 10 s, start time-out 30 s, 64m heap, back-off 100 ms to 5 s. */
    public static Builder builder() {
        return new Builder();
    }

    /** The same options for another plugin jar, e.g. to reload a new version. */
    public RemoteOptions withJar(Path newJar) {
        return new RemoteOptions(newJar.toAbsolutePath().normalize(), hostApiClasspath, sharedPackages, callTimeout,
                startTimeout, maxHeap, jvmOptions, initialBackoff, maxBackoff, maxFailedStarts, javaCommand,
                configuration, environment, dataDirectory);
    }

    /** Builds {@link RemoteOptions}; {@link #jar} and {@link #sharedPackages} are required. */
    public static final class Builder {
        private Path jar;
        private final List<Path> apiClasspath = new ArrayList<>();
        private final List<String> packages = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private Duration callTimeout = Duration.ofSeconds(10);
        private Duration startTimeout = Duration.ofSeconds(30);
        private String maxHeap = "64m";
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private int maxFailedStarts = 10;
        private Path javaCommand;
        private java.util.Map<String, String> configuration = java.util.Map.of();
        private java.util.Map<String, String> environment = java.util.Map.of();
        private Path dataDirectory;

        private Builder() {
        }

        public Builder jar(Path pluginJar) {
            this.jar = Objects.requireNonNull(pluginJar, "jar == null").toAbsolutePath().normalize();
            return this;
        }

        public Builder hostApiClasspath(List<Path> paths) {
            paths.forEach(p -> apiClasspath.add(Objects.requireNonNull(p, "path == null").toAbsolutePath()));
            return this;
        }

        public Builder sharedPackages(String... names) {
            for (String n : names) {
                packages.add(Objects.requireNonNull(n, "package == null"));
            }
            return this;
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "callTimeout");
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = positive(timeout, "startTimeout");
            return this;
        }

        /** The child's maximum heap, as for {@code -Xmx}; default {@code 64m}. */
        public Builder maxHeap(String size) {
            ProcessOptions.builder().maxHeap(size); // the one check of a heap size
            this.maxHeap = size;
            return this;
        }

        /** The settings of {@code PluginHostBuilder.processOptions}: time-out, heap, options, environment, restarts. */
        public Builder processOptions(ProcessOptions options) {
            callTimeout(options.callTimeout()).maxHeap(options.maxHeap());
            jvmOptions(options.jvmOptions().toArray(String[]::new)).environment(options.environment());
            return restartBackoff(options.initialBackoff(), options.maxBackoff())
                    .maxFailedStarts(options.maxFailedStarts());
        }

        /** Extra child JVM options, e.g. {@code -XX:TieredStopAtLevel=1}. */
        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(List.of(options));
            return this;
        }

        public Builder restartBackoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initialBackoff");
            this.maxBackoff = positive(max, "maxBackoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("restartBackoff: max " + max + " < initial " + initial);
            }
            return this;
        }

        public Builder maxFailedStarts(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxFailedStarts must be positive: " + count);
            }
            this.maxFailedStarts = count;
            return this;
        }

        public Builder configuration(java.util.Map<String, String> values) {
            this.configuration = java.util.Map.copyOf(values);
            return this;
        }

        /** Variables added to the child's environment; {@code PLINTH_TOKEN} is the host's own and refused. */
        public Builder environment(java.util.Map<String, String> values) {
            if (values.containsKey(Handshake.TOKEN_VARIABLE)) {
                throw new IllegalArgumentException("environment: " + Handshake.TOKEN_VARIABLE
                        + " is reserved for the launch token");
            }
            this.environment = java.util.Map.copyOf(values);
            return this;
        }

        /** The plugin's data directory, kept across restarts; by default one that is deleted with the child. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "directory == null").toAbsolutePath().normalize();
            return this;
        }

        public Builder javaCommand(Path java) {
            this.javaCommand = Objects.requireNonNull(java, "java == null");
            return this;
        }

        public RemoteOptions build() {
            if (jar == null) {
                throw new IllegalStateException("jar: not given; name the plugin jar to run in a child JVM");
            }
            if (packages.isEmpty()) {
                throw new IllegalStateException("sharedPackages: none given; name the host API packages, e.g."
                        + " sharedPackages(\"com.acme.api\")");
            }
            return new RemoteOptions(jar, apiClasspath, packages, callTimeout, startTimeout, maxHeap, jvmOptions,
                    initialBackoff, maxBackoff, maxFailedStarts, javaCommand, configuration, environment,
                    dataDirectory);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name + " == null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
