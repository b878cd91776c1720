package dev.plinth.corpus;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * A host with no Plinth in it: the API on its own class loader over the platform's, one {@link URLClassLoader} per
 * plugin jar under it, {@link ServiceLoader} to find the filter. What such a host sees is the corpus's ground truth.
 *
 * <p>The API loader deliberately holds only the API's classes, so nothing on the test's class path (slf4j, ...)
 * leaks into a plugin. The API's {@code Filter} is therefore not the test's own, and the call goes through
 * reflection; an {@link InvocationTargetException} is unwrapped to what {@code apply} threw.
 */
final class PlainHost {
    private PlainHost() {
    }

    /** What one call returned or threw. */
    record Call(String output, Throwable failure) {
    }

    /** Loads {@code pluginJar}, calls its one filter's {@code apply(input)} and closes both loaders. */
    static Call call(Path apiClasses, Path pluginJar, String input) throws IOException, ReflectiveOperationException {
        try (URLClassLoader api = new URLClassLoader(urls(apiClasses), ClassLoader.getPlatformClassLoader());
             URLClassLoader plugin = new URLClassLoader(urls(pluginJar), api)) {
            Class<?> filterType = api.loadClass(Corpus.FILTER);
            Object filter = ServiceLoader.load(filterType, plugin).findFirst()
                    .orElseThrow(() -> new IllegalStateException(pluginJar + ": no " + Corpus.FILTER + " provider"));
            Method apply = filterType.getMethod("apply", String.class);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(plugin);
            try {
                return new Call((String) apply.invoke(filter, input), null);
            } catch (InvocationTargetException e) {
                return new Call(null, e.getCause());
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    private static URL[] urls(Path path) throws IOException {
        return new URL[] {path.toUri().toURL()};
    }
}
