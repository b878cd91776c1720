package com.acme.upper;

import com.acme.api.Filter;
import java.util.Locale;

/** Upper-cases the text. Its services file spells it UpperCaseFilter: the JVM's "symbol not found". */
public final class UppercaseFilter implements Filter {
    @Override
    public String apply(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
