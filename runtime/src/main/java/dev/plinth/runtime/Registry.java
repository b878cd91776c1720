package dev.plinth.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable index of the handles of started plugins by extension interface, ordered by plugin id, then by the
 * order of the services file. Replaced whole on every change, so readers never lock.
 */
final class Registry {
    static final Registry EMPTY = new Registry(Map.of());

    private final Map<Class<?>, List<Object>> handles;

    private Registry(Map<Class<?>, List<Object>> handles) {
        this.handles = handles;
    }

    static Registry of(List<PluginRecord> records) {
        Map<Class<?>, List<Object>> byType = new LinkedHashMap<>();
        records.stream().filter(r -> r.state() == PluginState.STARTED)
                .sorted(Comparator.comparing(PluginRecord::id))
                .forEach(r -> r.extensions.forEach(e -> byType.computeIfAbsent(e.type(), t -> new ArrayList<>())
                        .add(e.handle())));
        Map<Class<?>, List<Object>> frozen = new LinkedHashMap<>();
        byType.forEach((type, list) -> frozen.put(type, List.copyOf(list)));
        return new Registry(Map.copyOf(frozen));
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
