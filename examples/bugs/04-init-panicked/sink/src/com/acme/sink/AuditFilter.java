package com.acme.sink;

import com.acme.api.Filter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends every text to the audit service. Connects in its static initializer, like Go's init() dialling "sink:9000". */
public final class AuditFilter implements Filter {
    private static final Socket AUDIT = connect();

    private static Socket connect() {
        try {
            return new Socket("localhost", Integer.getInteger("acme.audit.port", 9000));
        } catch (IOException e) {
            throw new UncheckedIOException("audit service unreachable", e);
        }
    }

    @Override
    public String apply(String text) {
        try {
            OutputStream out = AUDIT.getOutputStream();
            out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }
}
