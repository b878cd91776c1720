package dev.plinth.spring;

import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginInfo;
import dev.plinth.runtime.PluginWatcher;
import dev.plinth.runtime.UnknownPluginIdException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the plugins when the application context is refreshed, before the web server takes requests, and closes
 * the host when the context shuts down, after the web server stopped taking them.
 */
final class PluginHostLifecycle implements SmartLifecycle {
    /** Lower than the web server's phase: plugins start before it and stop after it. */
    static final int PHASE = 0;
    private static final Logger LOG = LoggerFactory.getLogger(PluginHostLifecycle.class);

    private final PluginHost host;
    private final PlinthProperties properties;
    private final List<PluginWatcher> watchers = new ArrayList<>();
    private volatile boolean running;

    PluginHostLifecycle(PluginHost host, PlinthProperties properties) {
        this.host = host;
        this.properties = properties;
    }

    @Override
    public void start() {
        try {
            host.resolve();
        } catch (UnknownPluginIdException e) {
            String property = e.setting().equals("isolation") ? "plinth.isolation." : "plinth.process.";
            throw new PlinthConfigurationException(property + e.id(), e.id(), "no plugin has the id '" + e.id()
                    + "'; the plugins found are " + new TreeSet<>(e.found()), "Use one of those ids, or remove the"
                    + " setting.");
        }
        Set<String> ids = host.plugins().stream().map(PluginInfo::id).collect(Collectors.toCollection(TreeSet::new));
        warnUnknown("plinth.configuration", properties.getConfiguration().keySet(), ids);
        warnUnknown("plinth.disabled", properties.getDisabled(), ids);
        host.start();
        if (ids.isEmpty()) {
            LOG.info("no plugins found: set plinth.plugins.directory or plinth.plugins.jars");
        }
        if (properties.getWatch().isEnabled()) {
            for (String directory : properties.getPlugins().getDirectory()) {
                watchers.add(PluginWatcher.watch(host, Path.of(directory), properties.getWatch().getQuietPeriod()));
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            watchers.forEach(PluginWatcher::close);
            watchers.clear();
        } finally {
            host.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static void warnUnknown(String property, Iterable<String> configured, Set<String> ids) {
        for (String id : configured) {
            if (!ids.contains(id)) {
                LOG.warn("{}: no plugin has the id '{}' (yet); the plugins found are {}", property, id, ids);
            }
        }
    }
}
