package com.acme.api;

import java.io.InputStream;

/** An extension interface that cannot cross a process boundary: a stream is not a value. */
public interface Reader {
    String read(InputStream in);
}
