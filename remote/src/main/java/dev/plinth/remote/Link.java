package dev.plinth.remote;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The host end of one connection: many concurrent calls over one socket, matched to their replies by call id.
 *
 * <h2>Threading</h2>
 * There is no reader thread. A caller waiting for its reply takes the connection's read role if it is free and
 * reads until its own reply arrives, completing the other callers' replies on the way; then it hands the role to a
 * caller still waiting. So a lone caller is woken by the kernel with its reply, as in a plain request/response, and
 * no thread hand-off sits on its path; a caller that has been alone for a while polls the socket for
 * {@link #SPIN_NANOS} before it sleeps.
 * The end of the connection is noticed by the caller reading when it happens,
 * or by the child process's exit when no call is in flight, and reported once. {@link #failAll} fails every call
 * in flight and every later one.
 */
final class Link {
    /** A reply: {@code ok} for a result, else a thrown exception; {@code in} is positioned at the value. */
    record Reply(boolean ok, In in) {
    }

    /** One call in flight: completed with its reply, or exceptionally when the link fails. */
    static final class Pending extends CompletableFuture<Reply> {
        private final Thread waiter = Thread.currentThread();
        private volatile boolean awaiting; // in await: it may take the read role when woken

        void deliver(Reply r) {
            complete(r);
            LockSupport.unpark(waiter);
        }

        void fail(Throwable t) {
            completeExceptionally(t);
            LockSupport.unpark(waiter);
        }
    }

    private static final AtomicLong IDS = new AtomicLong();
    /** How long a lone caller polls for its reply before it sleeps; most replies of quick calls come sooner. */
    static final long SPIN_NANOS = 20_000;
    /** Calls in a row made with no other call in flight before a caller polls: spinning beside others steals CPU. */
    static final int SOLO_STREAK = Runtime.getRuntime().availableProcessors() > 1 ? 16 : Integer.MAX_VALUE;

    private final FrameChannel ch;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean broken = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile IOException brokenBy;
    private volatile Consumer<IOException> onBroken; // null until watch(): an end met before is reported then
    private volatile String watcherName;
    private volatile Supplier<? extends Throwable> failure;
    private volatile int soloCalls; // calls in a row that found no other call in flight; racy on purpose

    Link(FrameChannel ch) {
        this.ch = ch;
    }

    /**
     * Reports the end of the connection to {@code onBroken}, once, on a thread of its own: when a reading caller
     * meets it, or when {@code process} exits.
     */
    void watch(Process process, String threadName, Consumer<IOException> onBroken) {
        this.watcherName = threadName;
        this.onBroken = onBroken;
        Daemons.whenExited(process, threadName + "-watch", () -> broken(new IOException("the child JVM exited")));
        report();
    }

    private void broken(IOException cause) {
        if (broken.compareAndSet(false, true)) {
            brokenBy = cause;
        }
        report();
    }

    private void report() {
        Consumer<IOException> to = onBroken;
        IOException cause = brokenBy;
        if (to != null && cause != null && reported.compareAndSet(false, true)) {
            Daemons.start(watcherName, () -> to.accept(cause));
        }
    }

    /** A call id, unique in this host; taken before the child is known, so arguments encode only once. */
    static long nextId() {
        return IDS.incrementAndGet();
    }

    /**
     * Sends a call frame whose id is {@code id}; {@link #await} then waits for its reply. Throws
     * {@link TimeoutException} when the child stopped reading and the frame could not be written by
     * {@code deadline} ({@link System#nanoTime}).
     */
    Pending call(long id, Out frame, long deadline) throws TimeoutException {
        Pending p = new Pending();
        pending.put(id, p);
        soloCalls = pending.size() == 1 ? soloCalls + 1 : 0;
        Supplier<? extends Throwable> failed = failure;
        if (failed != null) {
            pending.remove(id);
            p.fail(failed.get());
            return p;
        }
        try {
            ch.send(frame, deadline);
        } catch (FrameChannel.WriteTimeoutException e) {
            pending.remove(id);
            throw new TimeoutException(e.getMessage());
        } catch (IOException e) {
            broken(e); // failAll, run for it, completes this call too
        }
        return p;
    }

    /**
     * Waits for the reply of call {@code id} until {@code deadline} ({@link System#nanoTime}), reading the
     * connection itself when no other caller does. On a time-out or an interrupt the call is forgotten; when the
     * link failed, throws the {@link java.util.concurrent.CompletionException} of {@link #failAll}'s exception.
     */
    Reply await(long id, Pending p, long deadline) throws TimeoutException, InterruptedException {
        p.awaiting = true;
        try {
            while (!p.isDone()) {
                if (!broken.get() && ch.tryRead()) {
                    try {
                        readUntil(p, deadline);
                    } finally {
                        ch.releaseRead();
                    }
                } else {
                    LockSupport.parkNanos(this, deadline - System.nanoTime());
                }
                if (p.isDone()) {
                    break;
                }
                if (Thread.currentThread().isInterrupted()) {
                    pending.remove(id);
                    throw new InterruptedException();
                }
                if (System.nanoTime() - deadline >= 0) {
                    pending.remove(id);
                    throw new TimeoutException();
                }
            }
            return p.join();
        } finally {
            if (!ch.readTaken()) {
                handOver(); // whoever leaves, reader or woken follower, passes the turn on
            }
        }
    }

    private void readUntil(Pending mine, long deadline) {
        try {
            while (!mine.isDone() && !broken.get()) {
                In in = ch.next(deadline, soloCalls >= SOLO_STREAK && pending.size() == 1 ? SPIN_NANOS : 0);
                if (in == null) {
                    return; // time-out, interrupt or a wake-up: the caller looks at its state
                }
                byte type = in.readByte();
                if (type != Frames.RESULT && type != Frames.ERROR) {
                    throw new IOException("frame: unexpected type " + type + " from the child");
                }
                Pending p = pending.remove(in.readLong());
                if (p != null) { // null: that caller gave up waiting
                    p.deliver(new Reply(type == Frames.RESULT, in));
                }
            }
        } catch (IOException e) {
            broken(e);
        } catch (RuntimeException e) {
            broken(new IOException("connection: " + e, e));
        }
    }

    /** With the read role free: wakes one other caller waiting for its reply, which takes the role. */
    private void handOver() {
        Thread me = Thread.currentThread();
        for (Pending p : pending.values()) {
            if (p.awaiting && !p.isDone() && p.waiter != me) {
                LockSupport.unpark(p.waiter);
                return;
            }
        }
    }

    /** Sends a frame that has no reply, giving up at {@code deadline} ({@link System#nanoTime}). */
    void send(Out frame, long deadline) throws IOException {
        ch.send(frame, deadline);
    }

    /** The calls in flight now. */
    List<CompletableFuture<Reply>> inFlight() {
        return List.copyOf(pending.values());
    }

    /** Fails every call in flight, and every later call, with a fresh exception from {@code cause}. */
    void failAll(Supplier<? extends Throwable> cause) {
        failure = cause;
        for (Long id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.fail(cause.get());
            }
        }
        ch.wakeReader();
        ch.close();
    }

    /** Closes the connection; callers waiting on it see its end. */
    void close() {
        ch.close();
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing to stop a peer; nothing is left to do with it
        }
    }
}
