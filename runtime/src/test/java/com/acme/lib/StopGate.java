package com.acme.lib;

/** A host-side gate a test plugin's {@code stop()} waits at, so a test can hold a stop as long as it needs. */
public final class StopGate {
    /** Set by the plugin when its {@code stop()} begins. */
    public static volatile boolean stopping;
    /** Set by the test to let the waiting {@code stop()} return. */
    public static volatile boolean open;

    private StopGate() {
    }

    /** Closes the gate before a test. */
    public static void reset() {
        stopping = false;
        open = false;
    }
}
