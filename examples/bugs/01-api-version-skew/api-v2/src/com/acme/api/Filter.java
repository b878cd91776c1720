package com.acme.api;

/** The host's extension point, unchanged in API 2.0. */
public interface Filter {
    /** The filtered text. */
    String apply(String text);
}
