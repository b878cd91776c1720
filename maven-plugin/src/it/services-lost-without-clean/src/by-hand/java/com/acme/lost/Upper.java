package com.acme.lost;

import com.acme.api.Filter;
import java.util.Locale;

public class Upper implements Filter {
    @Override
    public String apply(String body) {
        return body.toUpperCase(Locale.ROOT);
    }
}
