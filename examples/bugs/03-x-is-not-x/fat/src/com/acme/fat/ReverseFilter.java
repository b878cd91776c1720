package com.acme.fat;

import com.acme.api.Filter;

/** Reverses the text; shipped in a fat jar that also carries com.acme.api. */
public final class ReverseFilter implements Filter {
    @Override
    public String apply(String text) {
        return new StringBuilder(text).reverse().toString();
    }
}
