package com.acme.api;

/** What the host calls. */
public interface Filter {
    String apply(String body);
}
