package dev.plinth.verify;

import java.util.List;

/**
 * {@code class-version}: a class file newer than the running JVM fails with {@code UnsupportedClassVersionError}
 * at first use; report it from the bytes instead. Multi-release entries count only where this JVM would read them.
 */
final class ClassVersionCheck implements Check {
    private final int runtimeRelease;

    ClassVersionCheck() {
        this(JavaVersions.running());
    }

    ClassVersionCheck(int runtimeRelease) {
        this.runtimeRelease = runtimeRelease;
    }

    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        PluginArchive archive = classes.archive();
        int readable = JavaVersions.majorOf(runtimeRelease);
        archive.classes().values().stream().flatMap(List::stream)
                .filter(c -> c.release() <= runtimeRelease && c.majorVersion() > readable)
                .sorted(java.util.Comparator.comparing(PluginArchive.ClassEntry::entry))
                .forEach(c -> findings.add(Finding.error(FindingCode.CLASS_VERSION, archive.descriptor().id(),
                        new Location(archive.path(), c.entry(), c.binaryName(), null),
                        c.binaryName() + ": class file " + c.majorVersion() + " (Java "
                                + JavaVersions.releaseOf(c.majorVersion()) + "); this JVM (Java " + runtimeRelease
                                + ") reads up to " + readable,
                        "compile the plugin with --release " + runtimeRelease + " or run the host on Java "
                                + JavaVersions.releaseOf(c.majorVersion()) + " or newer")));
    }
}
