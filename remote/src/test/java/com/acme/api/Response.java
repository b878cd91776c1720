package com.acme.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A value class written the common way: private fields, getters, static factories, no public constructor. */
public final class Response {
    private final int status;
    private final String body;
    private final Map<String, List<String>> headers;
    private transient int hash; // a cache: transient fields do not cross

    private Response(int status, String body, Map<String, List<String>> headers) {
        if (status < 100) {
            throw new IllegalArgumentException("status " + status);
        }
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    public static Response ok(String body) {
        return new Response(200, body, Map.of());
    }

    public static Response of(int status, String body, Map<String, List<String>> headers) {
        return new Response(status, body, headers);
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Response r && r.status == status && Objects.equals(r.body, body)
                && Objects.equals(r.headers, headers);
    }

    @Override
    public int hashCode() {
        if (hash == 0) {
            hash = Objects.hash(status, body, headers);
        }
        return hash;
    }

    @Override
    public String toString() {
        return status + " " + body + " " + headers;
    }
}
