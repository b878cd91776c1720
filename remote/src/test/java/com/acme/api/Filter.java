package com.acme.api;

/** The test host's simplest extension interface. */
public interface Filter {
    String apply(String input);
}
