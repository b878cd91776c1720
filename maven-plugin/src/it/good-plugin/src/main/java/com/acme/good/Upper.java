package com.acme.good;

import com.acme.api.Filter;
import com.acme.api.Requests;
import dev.plinth.api.Extension;
import java.util.Locale;

@Extension
public class Upper implements Filter {
    @Override
    public String apply(String body) {
        return Requests.trim(body).toUpperCase(Locale.ROOT);
    }
}
