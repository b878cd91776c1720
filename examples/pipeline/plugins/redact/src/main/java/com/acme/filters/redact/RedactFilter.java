package com.acme.filters.redact;

import com.acme.pipeline.api.Filter;
import com.acme.patterns.Patterns;
import com.acme.pipeline.api.Request;
import dev.plinth.api.Extension;

/** Masks every digit with the mask the plugin was configured with, by a class of the patterns plugin. */
@Extension
public final class RedactFilter implements Filter {
    @Override
    public String name() {
        return "redact";
    }

    @Override
    public Request apply(Request request) {
        return request.withBody(Patterns.maskDigits(request.body(), RedactPlugin.mask()));
    }
}
