package dev.plinth.verify;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's class files, parsed once (header and members only) and kept for the life of a {@link Verifier}: the
 * same JDK classes are looked up for every plugin.
 *
 * <h2>Threading</h2>
 * Safe for concurrent use; two threads may parse one class at once, and one result wins.
 */
final class HostClasses {
    private final HostApi api;
    private final Map<String, Found> cache = new ConcurrentHashMap<>();
    private final Map<String, Boolean> jdk = new ConcurrentHashMap<>();
    private final Map<String, Boolean> packages = new ConcurrentHashMap<>();
    private final Map<String, String> digests = new ConcurrentHashMap<>();

    HostClasses(HostApi api) {
        this.api = api;
    }

    HostApi api() {
        return api;
    }

    /** The host's class of this internal name; missing, or with a parse error when its bytes are unreadable. */
    Found find(String internalName) {
        Found cached = cache.get(internalName);
        if (cached != null) {
            return cached;
        }
        Found found = load(internalName);
        Found raced = cache.putIfAbsent(internalName, found);
        return raced == null ? found : raced;
    }

    /** The SHA-256 of the class file {@link #find} read for this internal name, or {@link HostReads#ABSENT}. */
    String digest(String internalName) {
        find(internalName);
        return digests.get(internalName);
    }

    /**
     * The SHA-256 of the host's class file of this internal name as it is now, or {@link HostReads#ABSENT}: what
     * {@link #find} read if it did, else read now (and its digest kept) without keeping the class.
     */
    String digestNow(String internalName) {
        String known = digests.get(internalName);
        if (known != null) {
            return known;
        }
        Optional<byte[]> bytes = api.classFile(internalName.replace('/', '.'));
        String digest = HostReads.ABSENT;
        if (bytes.isPresent()) { // no lambdas on what a cached start runs: each links a call site on first use
            packageFound(internalName);
            digest = HostReads.digest(bytes.get());
        }
        // kept: a host's loader gives one class name the same bytes for its whole life, and every cached plugin asks
        // about the same JDK and API classes; hashing them again for each made a warm start slower than a cold one
        String raced = digests.putIfAbsent(internalName, digest);
        return raced == null ? digest : raced;
    }

    /** Whether the JDK itself has this class: then it is never taken from a plugin, whatever the plugin bundles. */
    boolean isJdk(String internalName) {
        return jdk.computeIfAbsent(internalName,
                n -> ClassLoader.getPlatformClassLoader().getResource(n + ".class") != null);
    }

    /**
     * Whether the host has a package (internal name, {@code org/slf4j}): the JDK has it, the host's class path
     * lists it, or a class of it was found here.
     */
    boolean hasPackage(String internalPackage) {
        Boolean known = packages.get(internalPackage);
        if (known == null) {
            known = JDK_PACKAGES.contains(internalPackage) || api.hasPackage(internalPackage);
            packages.putIfAbsent(internalPackage, known);
        }
        return known;
    }

    private static final java.util.Set<String> JDK_PACKAGES = jdkPackages();

    private static java.util.Set<String> jdkPackages() {
        java.util.Set<String> packages = new java.util.HashSet<>();
        for (Module m : ModuleLayer.boot().modules()) {
            for (String p : m.getPackages()) {
                packages.add(p.replace('.', '/'));
            }
        }
        return java.util.Set.copyOf(packages);
    }

    private Found load(String internalName) {
        Optional<byte[]> bytes = api.classFile(internalName.replace('/', '.'));
        digests.put(internalName, bytes.map(HostReads::digest).orElse(HostReads.ABSENT));
        if (bytes.isEmpty()) {
            return Found.MISSING;
        }
        packageFound(internalName);
        try {
            return new Found(ClassParser.header(bytes.get()), Origin.HOST, null);
        } catch (IllegalArgumentException e) {
            return new Found(null, Origin.HOST, e.getMessage());
        }
    }

    private void packageFound(String internalName) {
        int slash = internalName.lastIndexOf('/');
        if (slash > 0) {
            packages.put(internalName.substring(0, slash), Boolean.TRUE);
        }
    }

    /** Where a class was found: the plugin's own jar, a plugin it depends on, the host, or nowhere. */
    enum Origin { PLUGIN, DEPENDENCY, HOST, NOWHERE }

    /**
     * The outcome of looking a class up.
     *
     * @param model  the parsed class, or null when missing or unparseable
     * @param origin where it was found
     * @param error  why its bytes could not be parsed, or null
     */
    record Found(ClassModel model, Origin origin, String error) {
        static final Found MISSING = new Found(null, Origin.NOWHERE, null);

        boolean isMissing() {
            return origin == Origin.NOWHERE;
        }

        /** Found but not parseable: nothing can be said about its members. */
        boolean isOpaque() {
            return model == null && origin != Origin.NOWHERE;
        }
    }
}
