package com.acme.api;

/** Helpers the host offers to plugins; 2.0 adds shout. */
public final class Requests {
    private Requests() {
    }

    public static String trim(String body) {
        return body.strip();
    }

    public static String shout(String body) {
        return body.toUpperCase(java.util.Locale.ROOT) + "!";
    }
}
