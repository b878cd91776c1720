package dev.plinth.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code duplicate-class}: plugin classes that also exist outside the plugin, one finding per package.
 *
 * <ul>
 *   <li>In a {@code java.*} package: an error; no class loader but the JVM's own may define them
 *       ({@code SecurityException: Prohibited package name}).</li>
 *   <li>In the JDK: a warning; the JDK's copy always wins, so the plugin's copy is dead weight or, worse, the
 *       version the plugin was tested with is not the one it gets.</li>
 *   <li>On the host's class path (its libraries): plugin-first loading means the plugin's copy is used, which is
 *       how a plugin keeps its own library version — by design, so an info, whether the bytes differ (two
 *       versions are live in one JVM; objects of one cannot be passed to the other) or are identical.</li>
 * </ul>
 * Shared packages are left to {@code bundled-host-api}. The same class in two plugins is not reported at all: each
 * plugin has its own class loader, so both copies work.
 */
final class HostShadowCheck implements Check {
    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        PluginArchive archive = classes.archive();
        HostApi host = classes.host();
        Map<String, List<String[]>> byPackage = new TreeMap<>();
        for (String name : new java.util.TreeSet<>(archive.classes().keySet())) {
            Optional<PluginArchive.ClassEntry> own = archive.baseClass(name);
            int dot = name.lastIndexOf('.');
            if (own.isEmpty() || dot < 0 || host.isShared(name)) {
                continue;
            }
            String pkg = name.substring(0, dot);
            if (pkg.equals("java") || pkg.startsWith("java.")) {
                byPackage.computeIfAbsent(pkg, p -> new ArrayList<>()).add(new String[] {name, "java"});
                continue;
            }
            Optional<byte[]> hosts = classes.hostClassFile(name);
            if (hosts.isPresent()) {
                String where = isJdk(name) ? "jdk" : Arrays.equals(hosts.get(), own.get().bytes()) ? "same" : "diff";
                byPackage.computeIfAbsent(pkg, p -> new ArrayList<>()).add(new String[] {name, where});
            }
        }
        byPackage.forEach((pkg, found) -> findings.add(finding(archive, pkg, found)));
    }

    private static Finding finding(PluginArchive archive, String pkg, List<String[]> found) {
        String plugin = archive.descriptor().id();
        String first = found.get(0)[0];
        String count = found.size() == 1 ? "1 class" : found.size() + " classes";
        String kind = found.get(0)[1];
        if (kind.equals("java")) {
            return Finding.error(FindingCode.DUPLICATE_CLASS, plugin, Location.type(archive.path(), first),
                    pkg + ": " + count + " in a java.* package (" + first + "); defining it throws SecurityException",
                    "remove " + pkg + " from the jar; only the JDK may define java.* classes");
        }
        if (kind.equals("jdk")) {
            return Finding.warning(FindingCode.DUPLICATE_CLASS, plugin, Location.type(archive.path(), first),
                    pkg + ": " + count + " also in the JDK (" + first + "); the JDK's copies are used and the"
                            + " plugin's are ignored", "remove " + pkg + " from the jar; the JDK provides it");
        }
        List<String> differing = found.stream().filter(f -> f[1].equals("diff")).map(f -> f[0]).toList();
        if (differing.isEmpty()) {
            return Finding.info(FindingCode.DUPLICATE_CLASS, plugin, Location.type(archive.path(), first),
                    pkg + ": " + count + " also on the host class path with identical bytes (" + first
                            + "); the plugin's copies are used (plugin-first)",
                    "nothing to do; to make the jar smaller, drop the copies and use the host's");
        }
        String diff = differing.get(0);
        return Finding.info(FindingCode.DUPLICATE_CLASS, plugin, Location.type(archive.path(), diff),
                pkg + ": " + count + " also on the host class path, " + differing.size() + " with different bytes ("
                        + diff + "); the plugin's copies are used (plugin-first), so two versions are live",
                "fine if the plugin needs its own version; do not pass " + pkg
                        + " objects between host and plugin, or mark the dependency provided and drop the copies");
    }

    private static boolean isJdk(String binaryName) {
        return ClassLoader.getPlatformClassLoader().getResource(binaryName.replace('.', '/') + ".class") != null;
    }
}
