package dev.plinth.spring;

import dev.plinth.runtime.Isolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code plinth.*} settings of a Spring Boot host; checked when the context starts, a wrong one failing the start
 * with a description of the setting and what to do. Paths are strings resolved against the working directory:
 * Spring's conversion to {@code Path} would read a relative path such as {@code ../plugins} as a resource location.
 */
@ConfigurationProperties(prefix = "plinth")
public class PlinthProperties {
    /** Whether the starter creates a PluginHost at all. */
    private boolean enabled = true;
    /** Where plugins come from. */
    private final Plugins plugins = new Plugins();
    /**
     * The host API packages plugins share with the host. Empty: every {@code Plinth-Shared-Packages} manifest
     * attribute on the application's class path, which is how a host API jar names its packages.
     */
    private List<String> sharedPackages = new ArrayList<>();
    /** How long a plugin's static initializers, constructors and start may take. */
    private Duration startTimeout = Duration.ofSeconds(5);
    /** How long a plugin's stop may take. */
    private Duration stopTimeout = Duration.ofSeconds(5);
    /** A lockfile ({@code plinth lock}) every plugin jar must match; none by default. */
    private String lockfile;
    /**
     * The host's work directory, kept on close, where the shadow copies and the verification cache then go; a fresh
     * temporary directory, deleted on close, by default (the copies and the cache then go to the user's cache).
     */
    private String workDirectory;
    /** The parent of each plugin's data directory; {@code <work-directory>/data} by default. */
    private String dataDirectory;
    /** Whether jars are verified against the host API before any of their code runs. */
    private boolean verification = true;
    /** Where each plugin runs, by plugin id: IN_PROCESS (the default) or PROCESS (a child JVM). */
    private Map<String, Isolation> isolation = new LinkedHashMap<>();
    /** How each plugin's child JVM runs under PROCESS, by plugin id; {@code default} for every other one. */
    private Map<String, Process> process = new LinkedHashMap<>();
    /** How many plugins start at once; unset, the runtime's default (twice the processors, at least 4). */
    private Integer startThreads;
    /** The configuration handed to each plugin ({@code PluginContext.configuration()}), by plugin id. */
    private Map<String, Map<String, String>> configuration = new LinkedHashMap<>();
    /** Plugin ids that are never loaded. */
    private List<String> disabled = new ArrayList<>();
    /** Plugin ids the health indicator requires to be STARTED; it reports DOWN otherwise. */
    private List<String> required = new ArrayList<>();
    /** Watching the plugin directories for added, changed and removed jars. */
    private final Watch watch = new Watch();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Plugins getPlugins() {
        return plugins;
    }

    public List<String> getSharedPackages() {
        return sharedPackages;
    }

    public void setSharedPackages(List<String> sharedPackages) {
        this.sharedPackages = sharedPackages;
    }

    public Duration getStartTimeout() {
        return startTimeout;
    }

    public void setStartTimeout(Duration startTimeout) {
        this.startTimeout = startTimeout;
    }

    public Duration getStopTimeout() {
        return stopTimeout;
    }

    public void setStopTimeout(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    public String getLockfile() {
        return lockfile;
    }

    public void setLockfile(String lockfile) {
        this.lockfile = lockfile;
    }

    public String getWorkDirectory() {
        return workDirectory;
    }

    public void setWorkDirectory(String workDirectory) {
        this.workDirectory = workDirectory;
    }

    public String getDataDirectory() {
        return dataDirectory;
    }

    public void setDataDirectory(String dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public boolean isVerification() {
        return verification;
    }

    public void setVerification(boolean verification) {
        this.verification = verification;
    }

    public Map<String, Isolation> getIsolation() {
        return isolation;
    }

    public void setIsolation(Map<String, Isolation> isolation) {
        this.isolation = isolation;
    }

    public Map<String, Process> getProcess() {
        return process;
    }

    public void setProcess(Map<String, Process> process) {
        this.process = process;
    }

    public Integer getStartThreads() {
        return startThreads;
    }

    public void setStartThreads(Integer startThreads) {
        this.startThreads = startThreads;
    }

    public Map<String, Map<String, String>> getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Map<String, Map<String, String>> configuration) {
        this.configuration = configuration;
    }

    public List<String> getDisabled() {
        return disabled;
    }

    public void setDisabled(List<String> disabled) {
        this.disabled = disabled;
    }

    public List<String> getRequired() {
        return required;
    }

    public void setRequired(List<String> required) {
        this.required = required;
    }

    public Watch getWatch() {
        return watch;
    }

    /** Where plugins come from: directories and single jars, relative paths against the working directory. */
    public static class Plugins {
        /** Directories whose jars, PF4J zips and plugin directories are plugins. */
        private List<String> directory = new ArrayList<>();
        /** Single plugins: jars, PF4J zips or plugin directories. */
        private List<String> jars = new ArrayList<>();

        public List<String> getDirectory() {
            return directory;
        }

        public void setDirectory(List<String> directory) {
            this.directory = directory;
        }

        public List<String> getJars() {
            return jars;
        }

        public void setJars(List<String> jars) {
            this.jars = jars;
        }
    }

    /** Watching the plugin directories: a new jar is added, a changed one reloaded, a removed one unloaded. */
    public static class Watch {
        /** Whether to watch {@code plinth.plugins.directory}. */
        private boolean enabled;
        /** How long a jar must stay unchanged before it is acted on. */
        private Duration quietPeriod = Duration.ofMillis(500);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getQuietPeriod() {
            return quietPeriod;
        }

        public void setQuietPeriod(Duration quietPeriod) {
            this.quietPeriod = quietPeriod;
        }
    }

    /** How one plugin's child JVM runs under PROCESS ({@code dev.plinth.runtime.ProcessOptions}). */
    public static class Process {
        /** How long one call may take before the child is killed and restarted; unset, 10s. */
        private Duration callTimeout;
        /** The child's maximum heap, as for -Xmx; unset, 64m. */
        private String maxHeap;
        /** More options for the child JVM. */
        private List<String> jvmOptions = new ArrayList<>();
        /** Variables added to the child's environment. */
        private Map<String, String> environment = new LinkedHashMap<>();
        /** Consecutive failed restarts after which the plugin is FAILED; unset, 10. */
        private Integer maxFailedStarts;

        public Duration getCallTimeout() {
            return callTimeout;
        }

        public void setCallTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
        }

        public String getMaxHeap() {
            return maxHeap;
        }

        public void setMaxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
        }

        public List<String> getJvmOptions() {
            return jvmOptions;
        }

        public void setJvmOptions(List<String> jvmOptions) {
            this.jvmOptions = jvmOptions;
        }

        public Map<String, String> getEnvironment() {
            return environment;
        }

        public void setEnvironment(Map<String, String> environment) {
            this.environment = environment;
        }

        public Integer getMaxFailedStarts() {
            return maxFailedStarts;
        }

        public void setMaxFailedStarts(Integer maxFailedStarts) {
            this.maxFailedStarts = maxFailedStarts;
        }
    }
}
