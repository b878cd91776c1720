package dev.plinth.runtime;

import java.util.Set;
import java.util.stream.Collectors;

/** The packages of the JDK's own modules: always loaded from the platform, never from a plugin. */
final class JdkPackages {
    private static final Set<String> PACKAGES = ModuleLayer.boot().modules().stream()
            .filter(m -> m.getClassLoader() == null || m.getClassLoader() == ClassLoader.getPlatformClassLoader())
            .flatMap(m -> m.getPackages().stream())
            .collect(Collectors.toUnmodifiableSet());

    private JdkPackages() {
    }

    /** Whether a class (binary name) belongs to the JDK. */
    static boolean containsClass(String binaryName) {
        if (binaryName.startsWith("java.")) {
            return true;
        }
        int dot = binaryName.lastIndexOf('.');
        return dot > 0 && PACKAGES.contains(binaryName.substring(0, dot));
    }

    /** Whether a resource path (e.g. {@code javax/xml/Foo.properties}) lies in a JDK package. */
    static boolean containsResource(String path) {
        int slash = path.lastIndexOf('/');
        return slash > 0 && PACKAGES.contains(path.substring(0, slash).replace('/', '.'));
    }
}
