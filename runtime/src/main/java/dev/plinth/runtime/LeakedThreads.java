package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds the threads a plugin left behind — by the thread's class, its context class loader, or a stack frame from
 * the plugin's loader — interrupts them, waits a bounded time, and reports each by name with its stack.
 */
final class LeakedThreads {
    private LeakedThreads() {
    }

    static List<Finding> stop(PluginRecord r, ClassLoader loader, String loaderName, Duration grace) {
        Map<Thread, StackTraceElement[]> found = Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey() != Thread.currentThread() && e.getKey().isAlive())
                .filter(e -> belongs(e.getKey(), e.getValue(), loader, loaderName))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        found.keySet().forEach(Thread::interrupt);
        long deadline = System.nanoTime() + grace.toNanos();
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : found.entrySet()) {
            Thread t = e.getKey();
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            findings.add(finding(r, t, e.getValue(), loaderName));
        }
        return findings;
    }

    private static boolean belongs(Thread t, StackTraceElement[] stack, ClassLoader loader, String loaderName) {
        if (t.getContextClassLoader() == loader || t.getClass().getClassLoader() == loader) {
            return true;
        }
        return Arrays.stream(stack).anyMatch(f -> loaderName.equals(f.getClassLoaderName()));
    }

    private static Finding finding(PluginRecord r, Thread t, StackTraceElement[] sampled, String loaderName) {
        boolean alive = t.isAlive();
        // a thread started just before the scan may not have run yet: its stack is empty until it does
        StackTraceElement[] stack = sampled.length == 0 && alive ? t.getStackTrace() : sampled;
        String at = Arrays.stream(stack).filter(f -> loaderName.equals(f.getClassLoaderName())).findFirst()
                .or(() -> Arrays.stream(stack).findFirst()).map(StackTraceElement::toString)
                .orElse("its start, not yet running");
        String outcome = alive ? "still running after interrupt" : "ended when interrupted";
        String message = "thread '" + t.getName() + "' outlived the plugin (" + outcome + "); it was at " + at;
        String fix = "run background work on PluginContext.executor() or scheduler(), or stop the thread in"
                + " Plugin.stop()" + (alive ? "; make it end when interrupted" : "");
        Finding f = alive ? Finding.error(FindingCode.THREAD_LEAK, r.id(), Location.of(r.path), message, fix)
                : Finding.warning(FindingCode.THREAD_LEAK, r.id(), Location.of(r.path), message, fix);
        FindingLog.log(f, Arrays.stream(stack).map(StackTraceElement::toString)
                .collect(Collectors.joining("\n\tat ", "\tat ", "")), null);
        return f;
    }
}
