package com.acme.lib;

/** A library the test host has on its class path; a plugin may bundle its own version of it. */
public final class Version {
    private Version() {
    }

    public static String name() {
        return "host";
    }
}
