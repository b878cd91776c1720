package com.acme.quiet;

import com.acme.api.Filter;
import dev.plinth.api.Extension;

@Extension
public class Quiet implements Filter {
    @Override
    public String apply(String body) {
        return body;
    }
}
