package com.acme.filters.upper;

import com.acme.pipeline.api.Filter;
import com.acme.pipeline.api.Request;
import dev.plinth.api.Extension;
import java.util.Locale;

/** Upper-cases the request body. */
@Extension
public final class UppercaseFilter implements Filter {
    @Override
    public String name() {
        return "uppercase";
    }

    @Override
    public Request apply(Request request) {
        return request.withBody(request.body().toUpperCase(Locale.ROOT));
    }
}
