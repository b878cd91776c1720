package dev.plinth.gallery;

import com.acme.api.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A plugin host written the way most hand-rolled ones are: a {@link URLClassLoader} per jar whose parent is the
 * host's loader, then {@link ServiceLoader} or {@code Class.forName(...).newInstance()} and a cast. No verification,
 * no lifecycle, no unload beyond {@link URLClassLoader#close()}. The gallery runs each bug through it first, to show
 * the JVM's own symptom.
 */
final class NaiveHost {
    private NaiveHost() {
    }

    /** {@code new URLClassLoader(urls, hostLoader)}: parent-first, the JDK's default delegation. */
    static URLClassLoader open(Path jar) {
        return new URLClassLoader(new URL[] {url(jar)}, NaiveHost.class.getClassLoader());
    }

    /**
     * A child-first loader, the usual answer to "the plugin needs its own version of a library" (bug 11): the jar is
     * searched before the host. It applies that to the host API too.
     */
    static URLClassLoader openChildFirst(Path jar) {
        return new ChildFirstLoader(new URL[] {url(jar)}, NaiveHost.class.getClassLoader());
    }

    /** Every filter of every jar, in order; the first bad jar throws out of the loop and the host does not start. */
    static List<Filter> loadAll(List<Path> jars) {
        List<Filter> filters = new ArrayList<>();
        for (Path jar : jars) {
            for (Filter f : ServiceLoader.load(Filter.class, open(jar))) {
                filters.add(f);
            }
        }
        return filters;
    }

    /** {@code (Filter) Class.forName(name, true, loader).getDeclaredConstructor().newInstance()}. */
    static Filter instantiate(ClassLoader loader, String className) throws ReflectiveOperationException {
        return (Filter) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
    }

    /** Polls GC until {@code ref} is cleared or the deadline passes; true when it was collected. */
    static boolean collected(WeakReference<?> ref, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (ref.get() != null && System.nanoTime() < end) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ref.get() == null;
            }
        }
        return ref.get() == null;
    }

    /** Closes a loader as a naive "unload" does. */
    static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar + ": not a URL", e);
        }
    }

    /** Looks in its own jar first and only then asks the parent: the popular recipe, host API included. */
    private static final class ChildFirstLoader extends URLClassLoader {
        static {
            ClassLoader.registerAsParallelCapable();
        }

        ChildFirstLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && !name.startsWith("java.")) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notInJar) {
                        c = null; // not in the plugin's jar: ask the parent below
                    }
                }
                if (c == null) {
                    c = super.loadClass(name, false);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    /** Loads a jar the naive way, calls its {@code Filter}, closes the loader; returns only a weak reference to it. */
    static WeakReference<ClassLoader> loadCallAndClose(Path jar) {
        URLClassLoader loader = open(jar);
        java.util.ServiceLoader.load(Filter.class, loader).findFirst().orElseThrow().apply("x");
        close(loader);
        return new WeakReference<>(loader);
    }
}
