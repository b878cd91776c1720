package com.acme.lib;

/** A host-side switch a test plugin's stubborn thread polls, so the test can end it after asserting the leak. */
public final class Switch {
    public static volatile boolean off;

    private Switch() {
    }
}
