package com.acme.filters.redact;

import com.acme.pipeline.api.Filter;
import com.acme.pipeline.api.Request;
import dev.plinth.api.Extension;

/** Masks every digit with the mask the plugin was configured with. */
@Extension
public final class RedactFilter implements Filter {
    @Override
    public String name() {
        return "redact";
    }

    @Override
    public Request apply(Request request) {
        return request.withBody(request.body().replaceAll("[0-9]", RedactPlugin.mask()));
    }
}
