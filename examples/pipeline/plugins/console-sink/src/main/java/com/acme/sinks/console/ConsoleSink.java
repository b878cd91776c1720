package com.acme.sinks.console;

import com.acme.pipeline.api.Request;
import com.acme.pipeline.api.Response;
import com.acme.pipeline.api.Sink;
import dev.plinth.api.Extension;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the requests it receives and reports each one. */
@Extension
public final class ConsoleSink implements Sink {
    private final AtomicInteger received = new AtomicInteger();

    @Override
    public Response accept(Request request) {
        int n = received.incrementAndGet();
        return new Response("console-sink", "#" + n + " " + request.id() + " \"" + request.body() + "\"");
    }
}
