package dev.plinth.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a plugin is checked against: the host's shared API packages, and the class files the host can resolve (its
 * API, its libraries and the JDK). Only class files are read; no host class is loaded through it.
 *
 * <p>A package is shared with its subpackages: {@code com.acme.api} covers {@code com.acme.api.spi}.
 * {@code dev.plinth.api} is always shared.
 *
 * <h2>Threading</h2>
 * Immutable and safe to share between threads.
 */
public final class HostApi {
    /** The package of {@code plinth-api}, shared with every plugin. */
    public static final String PLINTH_API_PACKAGE = "dev.plinth.api";

    private final Set<String> sharedPackages;
    private final ClassLoader resources;
    private final List<Path> classpath;
    private final boolean enumerable;
    private volatile Set<String> classpathPackages;

    private HostApi(Collection<String> sharedPackages, ClassLoader resources, List<Path> classpath,
                    boolean enumerable) {
        Set<String> packages = new TreeSet<>();
        for (String p : sharedPackages) {
            Objects.requireNonNull(p, "shared package == null");
            String trimmed = p.strip();
            if (trimmed.isEmpty() || trimmed.endsWith(".") || trimmed.contains("/")) {
                throw new IllegalArgumentException("shared package '" + p + "' is not a package name");
            }
            packages.add(trimmed);
        }
        packages.add(PLINTH_API_PACKAGE);
        this.sharedPackages = Set.copyOf(packages);
        this.resources = resources;
        this.classpath = List.copyOf(classpath);
        this.enumerable = enumerable;
    }

    /** The host as the runtime sees it: class files come from the host's class loader. */
    public static HostApi of(Collection<String> sharedPackages, ClassLoader hostLoader) {
        Objects.requireNonNull(hostLoader, "hostLoader == null");
        return new HostApi(sharedPackages, hostLoader, List.of(), false);
    }

    /** The host described by jars and class directories, as {@code plinth doctor} sees it; the JDK is implied. */
    public static HostApi of(Collection<String> sharedPackages, List<Path> hostClasspath) {
        List<URL> urls = new ArrayList<>();
        for (Path p : hostClasspath) {
            try {
                urls.add(p.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(p + ": not a usable class path entry", e);
            }
        }
        ClassLoader reader = new URLClassLoader("plinth-host-api", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        return new HostApi(sharedPackages, reader, hostClasspath, true);
    }

    /** The shared packages, {@code dev.plinth.api} included. */
    public Set<String> sharedPackages() {
        return sharedPackages;
    }

    /** The host class path this was built from; empty when built from a class loader. */
    public List<Path> classpath() {
        return classpath;
    }

    /** Whether this host was built from a class path, whose classes can be listed (a class loader's cannot). */
    boolean isEnumerable() {
        return enumerable;
    }

    /** Whether a class (binary name) lies in a shared package, and so must always come from the host. */
    public boolean isShared(String binaryName) {
        for (String shared : sharedPackages) { // its package is the shared one or below it: no substring needed
            if (binaryName.length() > shared.length() + 1 && binaryName.startsWith(shared)
                    && binaryName.charAt(shared.length()) == '.') {
                return true;
            }
        }
        return false;
    }

    /** Whether a package is shared, itself or as a subpackage of a shared package. */
    public boolean isSharedPackage(String packageName) {
        for (String shared : sharedPackages) {
            if (packageName.equals(shared) || packageName.startsWith(shared) && packageName.charAt(shared.length())
                    == '.') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the host's class path has a package (internal name): a directory entry for it, or, for a host
     * built from a class path, any class file in it.
     */
    boolean hasPackage(String internalPackage) {
        if (enumerable) {
            return packages().contains(internalPackage);
        }
        return resources.getResource(internalPackage + "/") != null;
    }

    private Set<String> packages() {
        Set<String> listed = classpathPackages;
        if (listed == null) {
            listed = ClassPathPackages.of(classpath);
            classpathPackages = listed;
        }
        return listed;
    }

    /** The class file the host resolves for a binary name (its API, its libraries, the JDK), if any. */
    public Optional<byte[]> classFile(String binaryName) {
        String resource = binaryName.replace('.', '/') + ".class";
        try (InputStream in = resources.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot read from the host", e);
        }
    }
}
