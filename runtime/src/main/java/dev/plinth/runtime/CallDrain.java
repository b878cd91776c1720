package dev.plinth.runtime;

import dev.plinth.runtime.internal.HandleFactory;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for the calls into a retired generation to return, by reading thread stacks instead of counting calls, so
 * the call path pays for no bookkeeping.
 *
 * <p>A thread is in a call to a generation when, above one of its handle frames (class loader
 * {@value HandleFactory#LOADER_NAME}) and below the next, there is a frame of that generation's class loader —
 * whose name is unique per generation. A handle frame with nothing of a plugin above it is ambiguous: the thread may
 * have read the old generation and not yet entered it, or be on its way out of a call to the new one. It is counted
 * only until the thread has once been seen in no call that could be the old generation's: the slot was swapped
 * before the drain began, so every call the thread makes after that reads the new generation. Without that rule
 * a few threads calling in a tight loop would almost always show an ambiguous frame and hold every reload for the
 * whole stop time-out. A call into a child JVM ({@code RemoteInvoker} above the handle) is never a call to an
 * in-process generation. Threads the plugin started itself have no handle frame and are left to the leak scan.
 */
final class CallDrain {
    private static final String HANDLE = HandleFactory.LOADER_NAME;
    private static final String REMOTE_CALL = "dev.plinth.remote.RemoteInvoker";

    /** Where a thread stands with respect to one generation. */
    enum Standing { IN_CALL, MAYBE_IN_CALL, NOT_IN_CALL }

    private CallDrain() {
    }

    /**
     * Waits until no thread is in a call to the generation, or the deadline passes; returns the calls left.
     * {@code remote} tells that the generation runs in a child JVM.
     */
    static long await(String loaderName, boolean remote, long deadlineNanos) {
        Set<Thread> seenOutside = Collections.newSetFromMap(new WeakHashMap<>());
        long pause = TimeUnit.MICROSECONDS.toNanos(200);
        while (true) {
            long calls = count(loaderName, remote, seenOutside);
            if (calls == 0 || System.nanoTime() - deadlineNanos >= 0) {
                return calls;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static long count(String loaderName, boolean remote, Set<Thread> seenOutside) {
        Thread self = Thread.currentThread();
        long calls = 0;
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (t == self) {
                continue;
            }
            Standing standing = standing(e.getValue(), loaderName, remote);
            if (standing == Standing.NOT_IN_CALL) {
                seenOutside.add(t);
            } else if (standing == Standing.IN_CALL || !seenOutside.contains(t)) {
                calls++;
            }
        }
        return calls;
    }

    /** Whether a stack (innermost frame first) is, or may be, in a call to the generation of {@code loaderName}. */
    static boolean inCall(StackTraceElement[] stack, String loaderName) {
        return standing(stack, loaderName, false) != Standing.NOT_IN_CALL;
    }

    /** Where a stack (innermost frame first) stands with respect to the generation of {@code loaderName}. */
    static Standing standing(StackTraceElement[] stack, String loaderName, boolean remote) {
        Standing result = Standing.NOT_IN_CALL;
        int calleesFrom = 0;
        for (int i = 0; i < stack.length; i++) {
            if (HANDLE.equals(stack[i].getClassLoaderName())) {
                Standing segment = segment(stack, calleesFrom, i, loaderName, remote);
                if (segment == Standing.IN_CALL) {
                    return segment;
                }
                if (segment == Standing.MAYBE_IN_CALL) {
                    result = segment;
                }
                calleesFrom = i + 1;
            }
        }
        return result;
    }

    private static Standing segment(StackTraceElement[] stack, int from, int to, String loaderName, boolean remote) {
        boolean anyPlugin = false;
        for (int j = from; j < to; j++) {
            String name = stack[j].getClassLoaderName();
            if (loaderName.equals(name)) {
                return Standing.IN_CALL;
            }
            anyPlugin |= name != null && name.startsWith("plugin:")
                    || !remote && REMOTE_CALL.equals(stack[j].getClassName());
        }
        return anyPlugin ? Standing.NOT_IN_CALL : Standing.MAYBE_IN_CALL;
    }
}
