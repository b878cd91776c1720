package com.acme.greet;

import com.acme.api.Filter;

/** Greets. Nothing wrong with it: the bug is in how the host finds its jar. */
public final class GreetFilter implements Filter {
    @Override
    public String apply(String text) {
        return "hello, " + text;
    }
}
