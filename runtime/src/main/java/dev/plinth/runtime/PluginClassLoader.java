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
 * bundled in the jar is never defined; JDK packages from the platform; then the classes of the plugins it depends
 * on (their own jars', transitively, never what those plugins take from the host), so objects pass between a
 * plugin and its dependencies without "X is not X"; then the plugin's own jar and the libraries it carries
 * ({@code lib/*.jar}); then the host. Resources: shared
 * packages from the host, then the plugin's own jar, its dependencies' jars, the host.
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
    private final List<PluginClassLoader> dependencies;
    private volatile boolean definedJdbcDriver;

    PluginClassLoader(String name, URL jar, ClassLoader host, HostApi api) {
        this(name, jar, host, api, List.of());
    }

    PluginClassLoader(String name, URL jar, ClassLoader host, HostApi api, List<PluginClassLoader> dependencies) {
        this(name, new URL[] {jar}, host, api, dependencies);
    }

    /** A loader over the plugin's jar followed by the libraries it carries. */
    PluginClassLoader(String name, URL[] jars, ClassLoader host, HostApi api, List<PluginClassLoader> dependencies) {
        super(name, jars, ClassLoader.getPlatformClassLoader());
        this.host = host;
        this.api = api;
        this.dependencies = List.copyOf(dependencies);
    }

    /** Defines a class of the plugin's jars, noting a JDBC driver: only those can pin it in {@code DriverManager}. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = super.findClass(name);
        if (!definedJdbcDriver && JdbcDrivers.isDriver(c)) {
            definedJdbcDriver = true;
        }
        return c;
    }

    /** Whether it defined a class implementing {@code java.sql.Driver} from the plugin's jars. */
    boolean definedJdbcDriver() {
        return definedJdbcDriver;
    }

    /**
     * A class of this plugin's own jar or of its dependencies' jars, or null: what a dependent may see of it.
     * Dependencies form no cycle, so the per-name locks are always taken dependent first: no deadlock.
     */
    Class<?> ownOrDependencies(String name) {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c != null && c.getClassLoader() == this) {
                return c;
            }
        }
        Class<?> fromDependency = fromDependencies(name);
        if (fromDependency != null) {
            return fromDependency;
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c != null) {
                return c.getClassLoader() == this ? c : null;
            }
            try {
                return findClass(name);
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
    }

    private Class<?> fromDependencies(String name) {
        for (PluginClassLoader d : dependencies) {
            Class<?> c = d.ownOrDependencies(name);
            if (c != null) {
                return c;
            }
        }
        return null;
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
        Class<?> fromDependency = fromDependencies(name);
        if (fromDependency != null) {
            return fromDependency;
        }
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
        for (int i = 0; own == null && i < dependencies.size(); i++) {
            own = dependencies.get(i).findResource(name);
        }
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
