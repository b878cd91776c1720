package com.acme.trim;

import com.acme.api.Filter;

/** The well-behaved plugin every scenario loads next to the broken one: the host must keep serving it. */
public final class TrimFilter implements Filter {
    @Override
    public String apply(String text) {
        return text.strip();
    }
}
