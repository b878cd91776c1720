package com.acme.count;

import com.acme.api.Filter;

/** Version 1: appends the word count. {@link Words} is loaded at the first call, from the jar it came from. */
public final class CountFilter implements Filter {
    @Override
    public String apply(String text) {
        return text + " (" + Words.count(text) + " words)";
    }
}
