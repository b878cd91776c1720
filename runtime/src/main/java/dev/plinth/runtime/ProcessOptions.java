package dev.plinth.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the child JVM of a plugin under {@link Isolation#PROCESS} runs: call time-out, heap, JVM options, environment
 * and restart policy; given to {@link PluginHostBuilder#processOptions(String, ProcessOptions)}.
 *
 * @param callTimeout     how long one call may take before the child is killed and restarted; default 10 s
 * @param maxHeap         the child's {@code -Xmx}, such as {@code 64m} (the default) or {@code 1g}
 * @param jvmOptions      more options for the child JVM, after Plinth's own; none by default
 * @param environment     variables added to the child's environment (it inherits the host's); none by default
 * @param initialBackoff  the delay before the first restart after a crash; default 100 ms
 * @param maxBackoff      the delay doubles per consecutive crash up to this; default 5 s
 * @param maxFailedStarts consecutive failed restarts after which the plugin is {@code FAILED}; default 10
 */
public record ProcessOptions(Duration callTimeout, String maxHeap, List<String> jvmOptions,
                             Map<String, String> environment, Duration initialBackoff, Duration maxBackoff,
                             int maxFailedStarts) {
    /** The environment variable that carries the launch token; the host sets it, a plugin's options may not. */
    static final String RESERVED_VARIABLE = "PLINTH_TOKEN";

    /** Copies the list and the map. */
    public ProcessOptions {
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    /** The defaults. */
    public static ProcessOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProcessOptions}; every setter checks its value and names it when refusing it. */
    public static final class Builder {
        private Duration callTimeout = Duration.ofSeconds(10);
        private String maxHeap = "64m";
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private int maxFailedStarts = 10;

        private Builder() {
        }

        /** How long one call may take; between 1 ms and 1 h. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = PluginHostBuilder.bounded(timeout, "callTimeout");
            return this;
        }

        /** The child's maximum heap, as for {@code -Xmx}: digits and an optional k, m or g. */
        public Builder maxHeap(String size) {
            if (!Objects.requireNonNull(size, "maxHeap == null").matches("[0-9]+[kKmMgG]?")) {
                throw new IllegalArgumentException("maxHeap: not a heap size like 64m: " + size);
            }
            this.maxHeap = size;
            return this;
        }

        /** More child JVM options, such as {@code -XX:TieredStopAtLevel=1}; each must start with {@code -}. */
        public Builder jvmOptions(String... options) {
            for (String option : options) {
                if (!Objects.requireNonNull(option, "jvm option == null").startsWith("-")) {
                    throw new IllegalArgumentException("jvmOptions: not an option (it must start with -): "
                            + option);
                }
                jvmOptions.add(option);
            }
            return this;
        }

        /** One environment variable of the child. */
        public Builder environment(String name, String value) {
            Objects.requireNonNull(name, "environment variable name == null");
            Objects.requireNonNull(value, "environment variable " + name + " == null");
            if (name.isEmpty() || name.contains("=") || name.equals(RESERVED_VARIABLE)) {
                throw new IllegalArgumentException("environment: " + (name.equals(RESERVED_VARIABLE)
                        ? name + " is reserved for the launch token" : "not a variable name: '" + name + "'"));
            }
            environment.put(name, value);
            return this;
        }

        /** The restart delays after a crash: {@code initial} first, doubling up to {@code max}. */
        public Builder restartBackoff(Duration initial, Duration max) {
            this.initialBackoff = PluginHostBuilder.bounded(initial, "initialBackoff");
            this.maxBackoff = PluginHostBuilder.bounded(max, "maxBackoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("restartBackoff: max " + max + " < initial " + initial);
            }
            return this;
        }

        /** Consecutive failed restarts after which the plugin is given up on; at least 1. */
        public Builder maxFailedStarts(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxFailedStarts must be at least 1: " + count);
            }
            this.maxFailedStarts = count;
            return this;
        }

        public ProcessOptions build() {
            return new ProcessOptions(callTimeout, maxHeap, jvmOptions, environment, initialBackoff, maxBackoff,
                    maxFailedStarts);
        }
    }
}
