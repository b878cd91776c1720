package com.acme.api;

/** Answers a {@link Response} with one: the value-type payload of the remote latency benchmark. */
public interface Responder {

    /** The response to send back for {@code request}. */
    Response respond(Response request);
}
