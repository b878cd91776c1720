package com.acme.flush;

import com.acme.api.Filter;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Buffers texts and flushes them every 50 ms from a background thread it starts itself and never stops: the JVM
 * twin of a goroutine with no exit. The thread ends only when interrupted.
 */
public final class BufferedFilter implements Filter {
    private final Queue<String> buffer = new ConcurrentLinkedQueue<>();

    public BufferedFilter() {
        Thread flusher = new Thread(this::flushForever, "acme-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    @Override
    public String apply(String text) {
        buffer.add(text);
        return text;
    }

    private void flushForever() {
        try {
            while (true) {
                Thread.sleep(50);
                buffer.clear(); // a real plugin would write the batch somewhere
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
