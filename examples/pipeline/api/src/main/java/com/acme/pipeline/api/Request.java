package com.acme.pipeline.api;

import java.util.Objects;

/**
 * A request flowing through the pipeline.
 *
 * @param id   a short identifier for logs
 * @param body the text filters transform
 */
public record Request(String id, String body) {

    /** Checks both parts are given. */
    public Request {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(body, "body == null");
    }

    /** The same request with another body. */
    public Request withBody(String newBody) {
        return new Request(id, newBody);
    }
}
