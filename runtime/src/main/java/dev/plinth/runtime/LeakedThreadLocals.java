package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code ThreadLocal} values of a plugin's types still held by live threads: a value of a plugin class pins
 * its loader for as long as the thread lives. Needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}; reports
 * only, since another thread's map cannot be changed safely.
 */
final class LeakedThreadLocals {
    private LeakedThreadLocals() {
    }

    static List<Finding> find(PluginRecord r, ClassLoader loader) {
        List<Finding> findings = new ArrayList<>();
        if (!LeakedRegistrations.canReadJavaLang()) {
            return findings;
        }
        try {
            Field mapField = Thread.class.getDeclaredField("threadLocals");
            mapField.setAccessible(true);
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                Object map = mapField.get(t);
                if (map != null) {
                    scan(r, loader, t, map, findings);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return findings; // another JDK layout: nothing found is all that can be said
        }
        return findings;
    }

    private static void scan(PluginRecord r, ClassLoader loader, Thread t, Object map, List<Finding> findings)
            throws ReflectiveOperationException {
        Field tableField = map.getClass().getDeclaredField("table");
        tableField.setAccessible(true);
        Object[] table = (Object[]) tableField.get(map);
        for (Object entry : table == null ? new Object[0] : table) {
            if (entry == null) {
                continue;
            }
            Field valueField = entry.getClass().getDeclaredField("value");
            valueField.setAccessible(true);
            Object value = valueField.get(entry);
            Object key = ((Reference<?>) entry).get();
            boolean ours = value != null && value.getClass().getClassLoader() == loader
                    || key != null && key.getClass().getClassLoader() == loader;
            if (ours) {
                String type = value != null ? value.getClass().getName() : key.getClass().getName();
                findings.add(Finding.error(FindingCode.LOADER_LEAK, r.id(), Location.type(r.path, type),
                        "thread '" + t.getName() + "' holds a ThreadLocal value of " + type,
                        "call ThreadLocal.remove() when the call that set it ends, or keep no plugin types in"
                                + " ThreadLocals of host threads"));
            }
        }
    }
}
