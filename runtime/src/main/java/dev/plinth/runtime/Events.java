package dev.plinth.runtime;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers plugin events to the host's listeners and records them as JFR events. */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final List<PluginListener> listeners;

    Events(List<PluginListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void loaded(PluginInfo info) {
        fire(PluginEvent.Type.LOADED, info, null);
    }

    void failed(PluginInfo info) {
        fire(PluginEvent.Type.FAILED, info, null);
    }

    void reloaded(PluginInfo info, UnloadReport old) {
        fire(PluginEvent.Type.RELOADED, info, old);
    }

    void unloaded(PluginInfo info, UnloadReport report) {
        fire(PluginEvent.Type.UNLOADED, info, report);
        if (!report.isClean()) {
            fire(PluginEvent.Type.LEAK, info, report);
        }
    }

    void crashed(PluginInfo info, String detail) {
        fire(PluginEvent.Type.CRASHED, info, null, detail);
    }

    void restarted(PluginInfo info, String detail) {
        fire(PluginEvent.Type.RESTARTED, info, null, detail);
    }

    private void fire(PluginEvent.Type type, PluginInfo info, UnloadReport report) {
        fire(type, info, report, null);
    }

    private void fire(PluginEvent.Type type, PluginInfo info, UnloadReport report, String detail) {
        PluginJfrEvent.commit(type, info, report);
        PluginEvent event = new PluginEvent(type, info, report, Instant.now(), detail);
        for (PluginListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("plugin listener {} threw on {} of {}", l, type, info.id(), e);
            }
        }
    }
}
