package dev.plinth.runtime;

import java.util.HashSet;
import java.util.Set;

/**
 * Names for plugin class loaders, unique among the loaders alive in this JVM: {@code plugin:<id>@<version>}, then
 * {@code #2}, {@code #3}... while an earlier generation with the same coordinates is still open (during a reload
 * of a rebuilt snapshot). Stack frames carry only the loader's name, so unload relies on this to tell generations
 * apart.
 */
final class LoaderNames {
    private static final Set<String> IN_USE = new HashSet<>();

    private LoaderNames() {
    }

    static synchronized String acquire(String coordinates) {
        String base = "plugin:" + coordinates;
        String name = base;
        for (int n = 2; IN_USE.contains(name); n++) {
            name = base + "#" + n;
        }
        IN_USE.add(name);
        return name;
    }

    static synchronized void release(String name) {
        IN_USE.remove(name);
    }
}
