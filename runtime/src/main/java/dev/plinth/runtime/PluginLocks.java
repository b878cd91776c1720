package dev.plinth.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per plugin id, so that lifecycle calls for one plugin are serialised while those of different plugins
 * run at once. Locks of several plugins are always taken together and in id order, so two calls never wait for each
 * other; the host's own state lock is taken only inside them, and only briefly.
 */
final class PluginLocks {
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();

    /** Whether any thread holds turns now: a lifecycle call is running. */
    boolean anyHeld() {
        return held.get() > 0;
    }

    /** The plugin ids a lifecycle call for {@code id} takes turns on: its own and those of its dependencies. */
    static Set<String> turnOf(String id, java.util.Collection<String> dependencyIds) {
        Set<String> ids = new TreeSet<>(dependencyIds);
        ids.add(id);
        return ids;
    }

    /** Takes the locks of every id, in id order, waiting as long as needed; close the result to release them. */
    Held lock(Set<String> ids) {
        List<ReentrantLock> taken = new ArrayList<>();
        held.incrementAndGet();
        for (String id : new TreeSet<>(ids)) {
            ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
            lock.lock();
            taken.add(lock);
        }
        return new Held(taken, held);
    }

    /** Locks held together; {@link #close()} releases them in reverse order. */
    static final class Held implements AutoCloseable {
        private final List<ReentrantLock> taken;
        private final AtomicInteger held;

        private Held(List<ReentrantLock> taken, AtomicInteger held) {
            this.taken = taken;
            this.held = held;
        }

        @Override
        public void close() {
            for (int i = taken.size() - 1; i >= 0; i--) {
                taken.get(i).unlock();
            }
            held.decrementAndGet();
        }
    }
}
