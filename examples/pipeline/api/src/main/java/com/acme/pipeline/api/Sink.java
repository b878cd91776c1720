package com.acme.pipeline.api;

/** Receives every request after all filters ran. */
public interface Sink {

    /** Takes a filtered request and reports what it did. */
    Response accept(Request request);
}
