package com.acme.api;

/**
 * The host API's Filter, copied into the plugin's fat jar: the build shaded the API dependency in instead of
 * marking it provided. Same name, same bytes, a different class once another loader defines it.
 */
public interface Filter {
    /** The filtered text. */
    String apply(String text);
}
