package com.acme.pipeline.api;

/** Transforms a request; filters run in plugin-id order. */
public interface Filter {

    /** The filter's name in the host's output. */
    String name();

    /** The transformed request; never null. */
    Request apply(Request request);
}
