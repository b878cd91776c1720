package dev.plinth.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable index of the handles of started plugins by extension interface, ordered by
 * {@code @Extension(ordinal)} (lower first), then by plugin id, then by the order of the services file; and of the
 * plugin each handle belongs to. Replaced whole on every change, so readers never lock.
 */
final class Registry {
    static final Registry EMPTY = new Registry(Map.of(), Map.of());

    private final Map<Class<?>, List<Object>> handles;
    private final Map<Object, String> pluginOf;

    private Registry(Map<Class<?>, List<Object>> handles, Map<Object, String> pluginOf) {
        this.handles = handles;
        this.pluginOf = pluginOf;
    }

    /** A handle in its place: by ordinal, then plugin id, then its position among the plugin's extensions. */
    private record Entry(String plugin, int ordinal, int position, Object handle) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int byOrdinal = Integer.compare(ordinal, o.ordinal);
            int byPlugin = byOrdinal != 0 ? byOrdinal : plugin.compareTo(o.plugin);
            return byPlugin != 0 ? byPlugin : Integer.compare(position, o.position);
        }
    }

    static Registry of(List<PluginRecord> records) {
        // loops, no lambdas: the first extensions() call of a host runs this in a JVM that has just started
        Map<Class<?>, List<Entry>> byType = new LinkedHashMap<>();
        java.util.IdentityHashMap<Object, String> owners = new java.util.IdentityHashMap<>();
        for (PluginRecord r : records) {
            if (r.state() != PluginState.STARTED) {
                continue;
            }
            List<PluginRecord.LoadedExtension> extensions = r.extensions;
            for (int i = 0; i < extensions.size(); i++) {
                PluginRecord.LoadedExtension e = extensions.get(i);
                List<Entry> ofType = byType.get(e.type());
                if (ofType == null) {
                    ofType = new ArrayList<>();
                    byType.put(e.type(), ofType);
                }
                ofType.add(new Entry(r.id(), r.ordinals.getOrDefault(e.provider(), 0), i, e.handle()));
                owners.put(e.handle(), r.id());
            }
        }
        Map<Class<?>, List<Object>> frozen = new LinkedHashMap<>();
        for (Map.Entry<Class<?>, List<Entry>> ofType : byType.entrySet()) {
            List<Entry> sorted = ofType.getValue();
            java.util.Collections.sort(sorted);
            List<Object> handles = new ArrayList<>(sorted.size());
            for (Entry e : sorted) {
                handles.add(e.handle());
            }
            frozen.put(ofType.getKey(), java.util.Collections.unmodifiableList(handles));
        }
        return new Registry(Map.copyOf(frozen), java.util.Collections.unmodifiableMap(owners));
    }

    /** The id of the plugin a handle of this registry belongs to, or null. */
    /** The handles of {@code type} that plugin {@code pluginId} provides, in order. */
    <T> List<T> handles(Class<T> type, String pluginId) {
        return handles(type).stream().filter(h -> pluginId.equals(pluginOf(h))).toList();
    }

    String pluginOf(Object handle) {
        return pluginOf.get(handle);
    }

    <T> List<T> handles(Class<T> type) {
        List<Object> found = handles.get(type);
        if (found == null) {
            for (Class<?> known : handles.keySet()) {
                if (known.getName().equals(type.getName())) {
                    throw new IllegalArgumentException(type.getName() + ": this Class (loader "
                            + loaderName(type) + ") is not the host API's " + type.getName() + " (loader "
                            + loaderName(known) + "); pass the class seen by PluginHostBuilder.hostClassLoader");
                }
            }
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<T> typed = (List<T>) found;
        return typed;
    }

    private static String loaderName(Class<?> type) {
        ClassLoader l = type.getClassLoader();
        return l == null ? "bootstrap" : l.getName() != null ? l.getName() : l.toString();
    }
}
