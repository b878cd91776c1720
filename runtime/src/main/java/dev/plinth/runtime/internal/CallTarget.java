package dev.plinth.runtime.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Not API. One generation of an extension: the plugin's instance, the class loader every call runs under, and the
 * count of calls in flight, so that unload and reload can wait for them to finish.
 *
 * <h2>Threading</h2>
 * A call increments the count, then checks {@code closed}; retiring sets {@code closed}, then waits for the count to
 * reach zero. Both are synchronisation actions, so either the call sees {@code closed} and backs out, or the
 * retiring side sees the call and waits for it.
 */
public final class CallTarget {
    /** The plugin's extension instance. */
    public final Object instance;
    /** The plugin's class loader, installed as the thread context class loader during a call. */
    public final ClassLoader loader;
    private final LongAdder inFlight = new LongAdder();
    private volatile boolean closed;

    CallTarget(Object instance, ClassLoader loader) {
        this.instance = instance;
        this.loader = loader;
    }

    /** Called by generated handles when a call returns or throws. */
    public void exit() {
        inFlight.decrement();
    }

    /** Registers a call; false when this generation no longer takes calls. */
    boolean tryEnter() {
        inFlight.increment();
        if (closed) {
            inFlight.decrement();
            return false;
        }
        return true;
    }

    /** Takes no further calls; the ones in flight go on. */
    void close() {
        closed = true;
    }

    /** Waits until no call is in flight or the deadline ({@link System#nanoTime()}) passes; true when idle. */
    boolean awaitIdle(long deadlineNanos) {
        while (inFlight.sum() > 0) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }
        return true;
    }

    long inFlight() {
        return inFlight.sum();
    }
}
