package dev.plinth.runtime;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Proves a class loader was collected: a weak reference and a GC polling loop bounded by a deadline. No single
 * {@code System.gc()} and sleep; the loop asks for collection repeatedly, as a full GC may need several rounds to
 * clear a loader whose classes were reachable from soft caches.
 */
final class CollectionProof {
    private CollectionProof() {
    }

    /** Polls until {@code ref} is cleared or {@code timeout} passes; true when it was cleared. */
    static boolean awaitCollected(WeakReference<?> ref, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = TimeUnit.MILLISECONDS.toNanos(5);
        while (ref.get() != null) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            System.gc();
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(200));
        }
        return true;
    }
}
