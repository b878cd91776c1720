package dev.plinth.runtime;

/**
 * Where a plugin is in its life.
 *
 * <pre>
 *  DISCOVERED ──verify──▶ RESOLVED ──start──▶ STARTING ──▶ STARTED ──stop──▶ STOPPING ──▶ STOPPED ──▶ UNLOADED
 *       │                     │                   │           │
 *       │ refused             │ refused           │ refused   │ failed
 *       │                     │                   │ or failed │
 *       └─────────────────────┴───────────────────┴───────────┴──────▶ FAILED
 *
 *  DISCOVERED ──disabled by the host──▶ DISABLED
 * </pre>
 *
 * <ul>
 *   <li>{@code DISCOVERED}: the jar was read; nothing of it is defined.</li>
 *   <li>{@code RESOLVED}: verified without errors, ready to load; still no plugin code has run.</li>
 *   <li>{@code STARTING}: classes are being initialised, extensions created, {@code Plugin.start} called.</li>
 *   <li>{@code STARTED}: its extensions are served by {@code PluginHost.extensions}.</li>
 *   <li>{@code STOPPING}, {@code STOPPED}: {@code Plugin.stop} is running / has returned; no new calls enter.</li>
 *   <li>{@code UNLOADED}: its class loader is closed and released by the host.</li>
 *   <li>{@code DISABLED}: the host disabled it by id ({@code PluginHostBuilder.disable}); read, verified and
 *       reported, never loaded. Terminal.</li>
 *   <li>{@code FAILED}: a finding or a failure stopped it; {@code PluginInfo.findings} and
 *       {@code PluginInfo.failure} say why. Its extensions are never served. Terminal.</li>
 * </ul>
 *
 * <h2>Refused or failed</h2>
 * {@code FAILED} is reached two ways, which {@code PluginInfo.refused()} tells apart:
 * <ul>
 *   <li><em>refused</em>: none of the plugin's code ran. Its jar failed a check — from {@code DISCOVERED}: not
 *       readable, verification errors, the lockfile, a duplicate id; from {@code RESOLVED}: {@code add} or
 *       {@code reload} under an id already loaded or another one — or a check made at load before its first static
 *       initializer (from {@code STARTING}: the shadow copy, the provider classes, the host types).</li>
 *   <li><em>failed</em>: its code ran: a static initializer, constructor or {@code start} threw or did not return
 *       in time (from {@code STARTING}), or, under {@code Isolation.PROCESS}, its child JVM was given up on (from
 *       {@code STARTED}).</li>
 * </ul>
 */
public enum PluginState {
    DISCOVERED,
    RESOLVED,
    STARTING,
    STARTED,
    STOPPING,
    STOPPED,
    UNLOADED,
    FAILED,
    DISABLED;

    /** Whether the plugin's extensions are being served. */
    public boolean isActive() {
        return this == STARTED;
    }
}
