package com.acme.api;

/** The host's extension point: every request's text runs through each filter plugin. */
public interface Filter {
    /** The filtered text. */
    String apply(String text);
}
