package dev.plinth.runtime;

import dev.plinth.runtime.internal.HandleFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for the calls into a retired generation to return, by reading thread stacks instead of counting calls, so
 * the call path pays for no bookkeeping.
 *
 * <p>A thread is in a call to a generation when, above one of its handle frames (class loader
 * {@value HandleFactory#LOADER_NAME}) and below the next, there is a frame of that generation's class loader —
 * whose name is unique per generation. A handle frame with no plugin frame above it is counted too: the thread may
 * have read the old generation and not yet entered it. Threads the plugin started itself have no handle frame and
 * are left to the leak scan.
 */
final class CallDrain {
    private static final String HANDLE = HandleFactory.LOADER_NAME;

    private CallDrain() {
    }

    /** Waits until no thread is in a call to the generation, or the deadline passes; returns the calls left. */
    static long await(String loaderName, long deadlineNanos) {
        long pause = TimeUnit.MICROSECONDS.toNanos(200);
        while (true) {
            long calls = count(loaderName);
            if (calls == 0 || System.nanoTime() - deadlineNanos >= 0) {
                return calls;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static long count(String loaderName) {
        Thread self = Thread.currentThread();
        long calls = 0;
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey() != self && inCall(e.getValue(), loaderName)) {
                calls++;
            }
        }
        return calls;
    }

    /** Whether a stack (innermost frame first) is in a call to the generation whose loader is {@code loaderName}. */
    static boolean inCall(StackTraceElement[] stack, String loaderName) {
        int calleesFrom = 0;
        for (int i = 0; i < stack.length; i++) {
            if (HANDLE.equals(stack[i].getClassLoaderName())) {
                if (calleesMayBe(stack, calleesFrom, i, loaderName)) {
                    return true;
                }
                calleesFrom = i + 1;
            }
        }
        return false;
    }

    private static boolean calleesMayBe(StackTraceElement[] stack, int from, int to, String loaderName) {
        boolean anyPlugin = false;
        for (int j = from; j < to; j++) {
            String name = stack[j].getClassLoaderName();
            if (loaderName.equals(name)) {
                return true;
            }
            anyPlugin |= name != null && name.startsWith("plugin:");
        }
        return !anyPlugin;
    }
}
