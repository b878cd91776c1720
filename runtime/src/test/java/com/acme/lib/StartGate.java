package com.acme.lib;

/** A host-side gate a test plugin's {@code start()} waits at, so a test can hold a start as long as it needs. */
public final class StartGate {
    /** Set by the plugin when its {@code start()} begins. */
    public static volatile boolean starting;
    /** Set by the test to let the waiting {@code start()} return. */
    public static volatile boolean open;

    private StartGate() {
    }

    /** Closes the gate before a test. */
    public static void reset() {
        starting = false;
        open = false;
    }
}
