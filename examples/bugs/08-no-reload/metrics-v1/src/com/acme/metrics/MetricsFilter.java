package com.acme.metrics;

import com.acme.api.Filter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the texts it sees (version 1.0) and flushes the count when the JVM exits. The shutdown hook it registers
 * holds this instance, so its class loader, for as long as the JVM runs: "unloading" it never frees anything.
 */
public final class MetricsFilter implements Filter {
    private final AtomicLong seen = new AtomicLong();

    public MetricsFilter() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::flush, "metrics-flush"));
    }

    @Override
    public String apply(String text) {
        return text + " #" + seen.incrementAndGet() + " (metrics 1.0)";
    }

    private void flush() {
        seen.set(0); // a real plugin would send the count to its backend here
    }
}
