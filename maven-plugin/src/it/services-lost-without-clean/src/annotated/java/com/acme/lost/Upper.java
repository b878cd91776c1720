package com.acme.lost;

import com.acme.api.Filter;
import dev.plinth.api.Extension;
import java.util.Locale;

@Extension
public class Upper implements Filter {
    @Override
    public String apply(String body) {
        return body.toUpperCase(Locale.ROOT);
    }
}
