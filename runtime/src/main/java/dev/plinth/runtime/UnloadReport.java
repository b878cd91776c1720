package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import java.time.Duration;
import java.util.List;

/**
 * What unloading one generation of a plugin found and did: calls drained, threads stopped, registrations undone,
 * and whether its class loader was proven collected.
 *
 * @param pluginId        the plugin id
 * @param version         the version of the generation unloaded
 * @param loaderName      its class loader's name
 * @param callsStillRunning calls that had not returned when the drain time-out expired
 * @param collected       whether the class loader became unreachable within the leak-check time-out; false also
 *                        when collection was not checked or not decided (see {@link #collectionChecked})
 * @param collectionChecked whether the collection proof came to an answer: collected, or not collected with a
 *                        holder named in {@code findings}. False when it was not asked for, and when the loader was
 *                        still reachable but no holder was found: the host then keeps watching it in the background
 *                        and, only if it is still reachable after {@code leakReportAfter}, fires a {@code LEAK} event
 *                        whose report carries the {@code loader-leak} error
 * @param findings        {@code thread-leak}, {@code loader-leak}, {@code stop-failed} findings, in order found
 * @param took            how long the unload took, the collection proof included
 */
public record UnloadReport(String pluginId, String version, String loaderName, long callsStillRunning,
                           boolean collected, boolean collectionChecked, List<Finding> findings, Duration took) {

    /** Copies the findings. */
    public UnloadReport {
        findings = List.copyOf(findings);
    }

    /** Whether the unload left nothing behind: collected (when checked) and no findings of warning or worse. */
    public boolean isClean() {
        return (collected || !collectionChecked) && findings.stream()
                .noneMatch(f -> f.severity() != dev.plinth.verify.Severity.INFO);
    }
}
