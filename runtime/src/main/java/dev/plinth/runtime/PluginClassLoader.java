package dev.plinth.runtime;

import dev.plinth.verify.HostApi;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * One plugin's class loader, named {@code plugin:<id>@<version>} so that JDK messages such as
 * {@code ClassCastException} name the plugin.
 *
 * <p>Delegation, in order: shared host-API packages (and {@code dev.plinth.api}) always from the host, so a copy
 * bundled in the jar is never defined; JDK packages from the platform; everything else from the plugin's own jar
 * first, then from the host. Resources follow the same rules.
 *
 * <h2>Threading</h2>
 * Parallel capable: classes load under per-name locks.
 */
final class PluginClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;
    private final HostApi api;

    PluginClassLoader(String name, URL jar, ClassLoader host, HostApi api) {
        super(name, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        this.host = host;
        this.api = api;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (api.isShared(name)) {
            return host.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = JdkPackages.containsClass(name) ? getParent().loadClass(name) : pluginThenHost(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> pluginThenHost(String name) throws ClassNotFoundException {
        try {
            return findClass(name);
        } catch (ClassNotFoundException notInPlugin) {
            return host.loadClass(name);
        }
    }

    @Override
    public URL getResource(String name) {
        if (isHostResource(name)) {
            return host.getResource(name);
        }
        if (JdkPackages.containsResource(name)) {
            return getParent().getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : host.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (isHostResource(name)) {
            return host.getResources(name);
        }
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(host.getResources(name)));
        return Collections.enumeration(all);
    }

    /** Defines one of Plinth's own helper classes inside this loader, e.g. to act as the plugin's caller. */
    Class<?> defineHelper(String name, byte[] bytes) {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
        }
    }

    private boolean isHostResource(String name) {
        int slash = name.lastIndexOf('/');
        return slash > 0 && api.isSharedPackage(name.substring(0, slash).replace('/', '.'));
    }
}
