package dev.plinth.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@code loader-leak} finding for a loader still reachable after unload, naming what holds it. */
final class LoaderLeaks {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private LoaderLeaks() {
    }

    /** What the unload's scan named as holding the loader (threads it could not stop, ThreadLocals); empty if none. */
    static String holders(List<Finding> found) {
        return found.stream()
                .filter(f -> f.code() == FindingCode.THREAD_LEAK && f.isError()
                        || f.code() == FindingCode.LOADER_LEAK && f.isError())
                .map(Finding::message).collect(Collectors.joining("; "));
    }

    /** The error for a loader still reachable {@code after} the unload began, held by {@code holders} if named. */
    static Finding finding(PluginRecord r, String loaderName, String holders, Duration after, HostConfig config) {
        String message = "class loader " + loaderName + " still reachable " + Timeouts.format(after) + " after unload"
                + (holders.isEmpty() ? "; the scan found no holder" : "; held by: " + holders);
        StringBuilder fix = new StringBuilder();
        if (!LeakedRegistrations.canReadJavaLang()) {
            fix.append("run the host with --add-opens java.base/java.lang=ALL-UNNAMED so shutdown hooks and"
                    + " ThreadLocals are checked too; ");
        }
        Path dump = heapDump(r, config.heapDumpDirectory());
        fix.append(dump != null ? "heap dump written to " + dump + ": follow the paths to " + loaderName
                : "take a heap dump (jcmd <pid> GC.heap_dump plinth.hprof) and follow the paths to " + loaderName);
        if (holders.isEmpty()) {
            fix.append("; if no GC root reaches it, it is kept by JIT-compiled code that inlined the plugin's classes"
                    + " and is running on a thread that called the plugin from a method that has not returned since"
                    + " (a loop calling the plugin): it is released when that method returns");
        }
        return Finding.error(FindingCode.LOADER_LEAK, r.id(), Location.of(r.path), message, fix.toString());
    }

    private static Path heapDump(PluginRecord r, Path directory) {
        if (directory == null) {
            return null;
        }
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("plinth-leak-" + r.id() + "-" + System.currentTimeMillis() + ".hprof");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
            return file;
        } catch (IOException | RuntimeException e) {
            LOG.warn("plugin {}: heap dump failed: {}", r.id(), e.toString());
            return null;
        }
    }
}
