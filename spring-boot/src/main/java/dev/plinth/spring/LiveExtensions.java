package dev.plinth.spring;

import dev.plinth.runtime.PluginHost;
import java.util.List;

/** {@link Extensions} that ask the host at every call. */
final class LiveExtensions<T> implements Extensions<T> {
    private final PluginHost host;
    private final Class<T> type;

    LiveExtensions(PluginHost host, Class<T> type) {
        this.host = host;
        this.type = type;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public List<T> list() {
        return host.extensions(type);
    }

    @Override
    public List<T> of(String pluginId) {
        return host.extensions(type, pluginId);
    }

    @Override
    public String toString() {
        return "Extensions<" + type.getName() + ">";
    }
}
