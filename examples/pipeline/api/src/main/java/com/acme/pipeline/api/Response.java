package com.acme.pipeline.api;

/**
 * What a sink reports for a request it accepted.
 *
 * @param sink   the sink's name
 * @param detail one line for the host's output
 */
public record Response(String sink, String detail) {
}
