package com.acme.api;

/** The test host's extension interface. */
public interface Filter {
    String apply(String input);
}
