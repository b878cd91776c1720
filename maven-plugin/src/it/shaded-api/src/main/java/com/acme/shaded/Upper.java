package com.acme.shaded;

import com.acme.api.Filter;
import dev.plinth.api.Extension;

@Extension
public class Upper implements Filter {
    @Override
    public String apply(String body) {
        return body;
    }
}
