package com.acme.sinks.metrics;

import com.acme.pipeline.api.Request;
import com.acme.pipeline.api.Response;
import com.acme.pipeline.api.Sink;
import dev.plinth.api.Extension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Broken on purpose, the way Go's bug 4 is: the static initializer dials the metrics server, which is not there.
 * The fix is to connect in {@code Plugin.start(PluginContext)}; Plinth contains the failure either way.
 */
@Extension
public final class MetricsSink implements Sink {
    private static final Socket CONNECTION = connect();

    private static Socket connect() {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", 9), 1000);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("metrics server 127.0.0.1:9 unreachable", e);
        }
    }

    @Override
    public Response accept(Request request) {
        return new Response("metrics-sink", "sent to " + CONNECTION.getRemoteSocketAddress());
    }
}
