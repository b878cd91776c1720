package com.acme.api;

/** Helpers the host offers to plugins. */
public final class Requests {
    private Requests() {
    }

    public static String trim(String body) {
        return body.strip();
    }
}
