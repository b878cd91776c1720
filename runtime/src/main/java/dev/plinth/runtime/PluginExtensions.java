package dev.plinth.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Extension points that plugins own: an interface in a plugin's jar that plugins depending on it implement and list
 * in their services files. The owner finds the implementations through {@code PluginContext.extensions(type)}.
 */
final class PluginExtensions {
    private PluginExtensions() {
    }

    /**
     * The extension point a services file of a plugin names, when one of the plugins it depends on defines that
     * interface itself; null for any other services file (a bundled library's own, say), which the host leaves to
     * the plugin.
     */
    static Class<?> pointOf(String service, List<PluginClassLoader> dependencies) {
        for (PluginClassLoader dependency : dependencies) {
            try {
                Class<?> type = Class.forName(service, false, dependency);
                if (type.isInterface() && type.getClassLoader() instanceof PluginClassLoader) {
                    return type;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not this dependency's
            }
        }
        return null;
    }

    /**
     * The instances of {@code type} the started plugins among {@code records} provide, ordered by
     * {@code @Extension(ordinal)}, then plugin id, then services-file order.
     */
    static List<Object> of(List<PluginRecord> records, Class<?> type) {
        record Found(int ordinal, String plugin, int position, Object instance) {
        }
        List<Found> found = new ArrayList<>();
        for (PluginRecord r : records) {
            if (r.state() != PluginState.STARTED) {
                continue;
            }
            List<PluginRecord.LoadedExtension> provided = r.pluginExtensions;
            for (int i = 0; i < provided.size(); i++) {
                PluginRecord.LoadedExtension e = provided.get(i);
                if (e.type() == type) {
                    found.add(new Found(r.ordinals.getOrDefault(e.provider(), 0), r.id(), i, e.instance()));
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::ordinal).thenComparing(Found::plugin)
                .thenComparingInt(Found::position));
        return found.stream().map(Found::instance).toList();
    }
}
