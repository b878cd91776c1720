package dev.plinth.remote;

/**
 * Where a remote plugin is in its life.
 *
 * <pre>
 *  launch ──▶ RUNNING ──child died / call timed out──▶ RESTARTING ──new child ready──▶ RUNNING
 *                │                                        │
 *                │                                        └──plugin failed / too many failed starts──▶ FAILED
 *                └──────────────── close() (from any state) ──────────────────────────────────────────▶ CLOSED
 * </pre>
 *
 * <ul>
 *   <li>{@code RUNNING}: a child JVM serves the plugin's extensions.</li>
 *   <li>{@code RESTARTING}: the child is gone; a new one starts after a back-off. Calls wait for it, up to the
 *       start time-out.</li>
 *   <li>{@code FAILED}: no child will be started again; calls fail at once. Terminal except for {@code close}.</li>
 *   <li>{@code CLOSED}: the child was stopped; calls fail at once. Terminal.</li>
 * </ul>
 */
public enum RemoteState {
    RUNNING,
    RESTARTING,
    FAILED,
    CLOSED
}
