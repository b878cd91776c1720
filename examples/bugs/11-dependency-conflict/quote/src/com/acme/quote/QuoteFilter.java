package com.acme.quote;

import com.acme.api.Filter;
import org.minijson.Json;

/** Quotes texts as ASCII-only JSON strings with minijson 2.0, which it bundles. */
public final class QuoteFilter implements Filter {
    @Override
    public String apply(String text) {
        return Json.quote(text, true);
    }
}
