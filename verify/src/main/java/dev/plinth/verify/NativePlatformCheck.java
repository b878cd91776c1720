package dev.plinth.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code native-platform}: native libraries in the jar, grouped by library name ({@code libfast.so},
 * {@code libfast.dylib} and {@code fast.dll} are one library), checked against the platform the JVM runs on.
 *
 * <ul>
 *   <li>A library with no build for this platform is an error, one finding per build it does have: loading it
 *       fails with {@code UnsatisfiedLinkError}.</li>
 *   <li>Builds for other platforms next to one for this platform are not reported: multi-platform jars are the
 *       normal way to ship natives, and a warning per unused build would teach operators to ignore warnings.</li>
 *   <li>A file named like a library that is not an ELF, Mach-O or PE binary is a warning.</li>
 * </ul>
 */
final class NativePlatformCheck implements Check {
    private final Platform platform;

    NativePlatformCheck() {
        this(Platform.current());
    }

    NativePlatformCheck(Platform platform) {
        this.platform = platform;
    }

    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        PluginArchive archive = classes.archive();
        String plugin = archive.descriptor().id();
        Map<String, List<PluginArchive.NativeEntry>> byLibrary = new TreeMap<>();
        for (PluginArchive.NativeEntry e : archive.natives()) {
            byLibrary.computeIfAbsent(key(e.entry()), k -> new ArrayList<>()).add(e);
        }
        byLibrary.values().forEach(entries -> {
            List<PluginArchive.NativeEntry> foreign = new ArrayList<>();
            boolean matches = false;
            for (PluginArchive.NativeEntry e : entries) {
                Optional<NativeBinary> binary = NativeBinary.parse(e.header());
                if (binary.isEmpty()) {
                    findings.add(Finding.warning(FindingCode.NATIVE_PLATFORM, plugin,
                            Location.entry(archive.path(), e.entry()),
                            e.entry() + ": not an ELF, Mach-O or PE library",
                            "replace it with a real build of " + baseName(e.entry())
                                    + "; a truncated or placeholder file fails in System.loadLibrary"));
                } else if (binary.get().os().equals(platform.os())
                        && binary.get().archs().contains(platform.arch())) {
                    matches = true;
                } else {
                    foreign.add(e);
                }
            }
            if (!matches) {
                for (PluginArchive.NativeEntry e : foreign) {
                    findings.add(Finding.error(FindingCode.NATIVE_PLATFORM, plugin,
                            Location.entry(archive.path(), e.entry()),
                            e.entry() + ": " + NativeBinary.parse(e.header()).orElseThrow().describe()
                                    + " library; this JVM runs on " + platform.label() + loadedBy(classes, e.entry()),
                            "bundle a " + platform.classifier() + " build of " + baseName(e.entry())));
                }
            }
        });
    }

    /**
     * Where plugin code loads a library: {@code ; loaded by com.acme.Fast.<clinit> (System.loadLibrary("fast"))};
     * sites that pass a computed name are named as possible loaders; empty when no code loads a library.
     */
    static String loadedBy(ClassSpace classes, String entry) {
        String library = key(entry);
        List<String> exact = new ArrayList<>();
        List<String> possible = new ArrayList<>();
        for (ClassModel c : classes.pluginClasses().values()) {
            for (ClassModel.NativeLoad load : c.nativeLoads()) {
                String site = Names.site(c.name(), load.from());
                if (load.library() == null) {
                    possible.add(site + " (" + load.call() + " with a computed name)");
                } else if (key(load.library()).equals(library) || key(load.library()).startsWith(library + ".")) {
                    exact.add(site + " (" + load.call().replace("(String)", "(\"" + load.library() + "\")") + ")");
                }
            }
        }
        if (!exact.isEmpty()) {
            return "; loaded by " + Names.sample(exact, 3);
        }
        return possible.isEmpty() ? "" : "; possibly loaded by " + Names.sample(possible, 3);
    }

    /** {@code native/linux/libfast.so.1} → {@code libfast.so.1}'s library name without prefix: {@code fast}. */
    static String key(String entry) {
        String name = baseName(entry).toLowerCase(Locale.ROOT);
        return name.startsWith("lib") ? name.substring(3) : name;
    }

    /** The file name without directories and without the library extension: {@code libfast}. */
    static String baseName(String entry) {
        String file = entry.substring(entry.lastIndexOf('/') + 1);
        String lower = file.toLowerCase(Locale.ROOT);
        int so = lower.indexOf(".so.");
        int cut = so >= 0 ? so : lower.lastIndexOf('.');
        return cut > 0 ? file.substring(0, cut) : file;
    }
}
