package dev.plinth.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import jdk.jfr.FlightRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records plugin events as JFR events when they happen and delivers them to the host's listeners later, from
 * {@link #flush()}, which the host calls once it holds no lock: a listener may call back into the host, and no
 * lock or start thread ever waits for a listener.
 *
 * <p>Events are delivered one at a time, in the order they happened, by one thread at a time. A listener that
 * causes events (say, by reloading a plugin) sees them after it returns, from the same delivery loop.
 */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final List<PluginListener> listeners;
    private final Queue<PluginEvent> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock delivery = new ReentrantLock();
    private final ThreadLocal<Boolean> delivering = ThreadLocal.withInitial(() -> false);
    private final BooleanSupplier busy;

    /** {@code busy} tells whether a host method is running that will flush when it ends. */
    Events(List<PluginListener> listeners, BooleanSupplier busy) {
        this.listeners = List.copyOf(listeners);
        this.busy = busy;
    }

    void loaded(PluginInfo info) {
        fire(PluginEvent.Type.LOADED, info, null);
    }

    void failed(PluginInfo info) {
        fire(PluginEvent.Type.FAILED, info, null);
    }

    /** {@code FAILED} for each of a plan's records that failed (a loop: it runs at every start, see Discovery). */
    void failedOf(List<PluginRecord> planned) {
        for (PluginRecord r : planned) {
            if (r.state() == PluginState.FAILED) {
                failed(r.snapshot());
            }
        }
    }

    void reloaded(PluginInfo info, UnloadReport old) {
        fire(PluginEvent.Type.RELOADED, info, old);
    }

    void unloaded(PluginInfo info, UnloadReport report) {
        fire(PluginEvent.Type.UNLOADED, info, report);
        if (!report.isClean()) {
            fire(PluginEvent.Type.LEAK, info, report);
        }
    }

    /** A leak proven after the unload was reported: a class loader still reachable when the watch ended. */
    void leaked(PluginInfo info, UnloadReport late) {
        fire(PluginEvent.Type.LEAK, info, late);
    }

    void jarChanged(PluginInfo info, String detail) {
        fire(PluginEvent.Type.JAR_CHANGED, info, null, detail);
    }

    void crashed(PluginInfo info, String detail) {
        fire(PluginEvent.Type.CRASHED, info, null, detail);
    }

    void restarted(PluginInfo info, String detail) {
        fire(PluginEvent.Type.RESTARTED, info, null, detail);
    }

    private void fire(PluginEvent.Type type, PluginInfo info, UnloadReport report) {
        fire(type, info, report, null);
    }

    private void fire(PluginEvent.Type type, PluginInfo info, UnloadReport report, String detail) {
        if (FlightRecorder.isInitialized()) { // else making the event would start JFR's machinery: 100 classes
            PluginJfrEvent.commit(type, info, report);
        }
        if (!listeners.isEmpty()) {
            pending.add(new PluginEvent(type, info, report, Instant.now(), detail));
        }
    }

    /**
     * From a background thread (a file or collection watch, a child JVM's monitor): delivers pending events unless a
     * host method is running, which delivers them on its own thread once it has released its locks.
     */
    void flushFromBackground() {
        if (!busy.getAsBoolean()) {
            flush();
        }
    }

    /**
     * Delivers every pending event to the listeners; call it holding no lock. Returns at once when called from a
     * listener (the loop that called the listener delivers what it caused), else when nothing is pending and no
     * other thread is still delivering.
     */
    void flush() {
        if (delivering.get()) {
            return;
        }
        do {
            delivery.lock();
            delivering.set(true);
            try {
                for (PluginEvent event = pending.poll(); event != null; event = pending.poll()) {
                    deliver(event);
                }
            } finally {
                delivering.set(false);
                delivery.unlock();
            }
        } while (!pending.isEmpty());
    }

    private void deliver(PluginEvent event) {
        for (PluginListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("plugin listener {} threw on {} of {}", l, event.type(), event.plugin().id(), e);
            }
        }
    }
}
