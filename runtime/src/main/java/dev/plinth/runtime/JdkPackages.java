package dev.plinth.runtime;

import java.util.Set;

/** The packages of the JDK's own modules: always loaded from the platform, never from a plugin. */
final class JdkPackages {
    private static final Set<String> PACKAGES = jdkPackages();

    private static Set<String> jdkPackages() { // a loop, not a stream: every host's first plugin class runs it
        Set<String> packages = new java.util.HashSet<>();
        for (Module m : ModuleLayer.boot().modules()) {
            if (m.getClassLoader() == null || m.getClassLoader() == ClassLoader.getPlatformClassLoader()) {
                packages.addAll(m.getPackages());
            }
        }
        return Set.copyOf(packages);
    }

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
