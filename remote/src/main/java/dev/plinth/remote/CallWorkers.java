package dev.plinth.remote;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The child's threads for calls. The thread holding the connection's read role runs the call it read itself, so a
 * call from a lone caller costs no thread hand-off. It first hands the role on when more calls are already queued, a
 * processor is free for them and recent calls ran long enough (over {@link #HAND_ON_NANOS} on average) to be worth
 * waking a thread. Replies to calls that arrived together leave together, with one write.
 *
 * <h2>Threading</h2>
 * A call that runs long must not hold up the calls behind it: a standby thread looks every
 * {@link #STANDBY_NANOS} whether the read role has been free that long (its holder is still running a call) and
 * then wakes an idle worker, or starts one, to read on. So a call waits at most about one standby period behind
 * another. The standby sleeps without a time-out after {@link #QUIET_POLLS} looks that found a reader, and the
 * next thread to run a call wakes it, so an idle child has no thread waking up.
 */
final class CallWorkers {
    static final long STANDBY_NANOS = 1_000_000;
    static final int QUIET_POLLS = 100;
    /** Calls shorter than this on average run one after another: waking a thread would cost more. */
    static final long HAND_ON_NANOS = 50_000;
    private static final int MAX_IDLE = 4;

    /** What the workers do with frames. */
    interface Handler {
        /**
         * Runs one frame and {@link FrameChannel#queue queues} its reply, which the workers flush before they wait
         * for input; true when it was the last (the host asked the child to shut down).
         */
        boolean handle(In frame) throws IOException;
    }

    private final FrameChannel ch;
    private final Handler handler;
    private final int processors = Runtime.getRuntime().availableProcessors();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicLong roleFreeSince = new AtomicLong(); // 0 while a thread holds or takes the read role
    private final AtomicInteger running = new AtomicInteger(); // threads running a call now
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile long averageCallNanos;
    private volatile boolean standbyAsleep;
    private volatile Thread standby;
    private volatile IOException failure;

    private static final class Worker {
        final Thread thread = Thread.currentThread();
        volatile boolean woken;
    }

    CallWorkers(FrameChannel ch, Handler handler) {
        this.ch = ch;
        this.handler = handler;
    }

    /** Serves until the host asks to shut down or the connection ends; rethrows a broken protocol. */
    void serve() throws IOException {
        standby = Daemons.start("plinth-remote-standby", this::standby);
        startWorker();
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        IOException f = failure;
        if (f != null) {
            throw f;
        }
    }

    private void startWorker() {
        Daemons.start("plinth-remote-call-" + threads.incrementAndGet(), this::work);
    }

    private void work() {
        Worker me = new Worker();
        while (ended.getCount() > 0) {
            if (!ch.tryRead()) {
                flush(); // the reader may be waiting for input already: our replies must not wait for it
                if (!awaitTurn(me)) {
                    return;
                }
                continue;
            }
            roleFreeSince.set(0);
            if ((!ch.hasBufferedFrame() || averageCallNanos > HAND_ON_NANOS) && ch.hasUnsent()) {
                // about to wait for input, or calls are slow: send the replies queued so far, but without the read
                // role, so a write blocked by a host that is not reading never stops this side from reading
                releaseRole();
                flush();
                continue;
            }
            In frame;
            boolean handOn;
            try {
                frame = read();
                handOn = frame != null && ch.hasBufferedFrame() && running.get() + 1 < processors
                        && averageCallNanos > HAND_ON_NANOS;
            } finally {
                releaseRole();
            }
            if (frame == null) {
                return;
            }
            if (handOn) {
                wakeWorker();
            }
            run(frame);
        }
    }

    /** Gives up the read role; from now on the standby watches how long nobody reads. */
    private void releaseRole() {
        roleFreeSince.set(System.nanoTime());
        ch.releaseRead();
        if (standbyAsleep) {
            LockSupport.unpark(standby);
        }
    }

    private void run(In frame) {
        running.incrementAndGet();
        long started = System.nanoTime();
        try {
            if (handler.handle(frame)) {
                flush();
                end(null);
            }
        } catch (IOException e) {
            end(e);
        } catch (RuntimeException | Error e) { // a malformed frame, or the plugin host failing on shutdown
            System.err.println("plinth-remote child: cannot serve a frame from the host: " + e);
            end(new IOException("frame: " + e, e));
        } finally {
            long took = System.nanoTime() - started;
            averageCallNanos += (took - averageCallNanos) / 8; // racy on purpose: a rough recent average
            running.decrementAndGet();
            Thread.interrupted(); // plugin code may have interrupted this thread; the next call starts clean
        }
    }

    private void flush() {
        try {
            ch.flush();
        } catch (IOException e) {
            end(e);
        }
    }

    /** The next frame, or null when the connection ended (then the workers end too). */
    private In read() {
        try {
            while (true) {
                In frame = ch.next(Long.MAX_VALUE);
                if (frame != null) {
                    return frame;
                }
                Thread.interrupted(); // not reached in blocking mode; in non-blocking mode an interrupt woke us
            }
        } catch (EOFException e) {
            end(null); // the host closed the connection: stop serving
        } catch (ClosedByInterruptException e) {
            System.err.println("plinth-remote child: thread " + Thread.currentThread().getName() + " was"
                    + " interrupted while it waited for the next call, which closed the connection; plugin code"
                    + " must not interrupt threads it did not start");
            end(e);
        } catch (IOException e) {
            end(e);
        }
        return null;
    }

    /** Parks as an idle worker until woken to read; false when this thread should end. */
    private boolean awaitTurn(Worker me) {
        if (idle.size() >= MAX_IDLE) {
            return false;
        }
        me.woken = false;
        idle.push(me);
        while (!me.woken && ended.getCount() > 0) {
            LockSupport.park(this);
            Thread.interrupted(); // plugin code may interrupt any thread; parking again must not spin
        }
        return ended.getCount() > 0;
    }

    private void wakeWorker() {
        Worker w = idle.poll();
        if (w == null) {
            startWorker();
        } else {
            w.woken = true;
            LockSupport.unpark(w.thread);
        }
    }

    private void standby() {
        int quiet = 0;
        while (ended.getCount() > 0) {
            long since = roleFreeSince.get();
            if (since != 0 && System.nanoTime() - since >= STANDBY_NANOS
                    && roleFreeSince.compareAndSet(since, System.nanoTime())) {
                wakeWorker(); // every thread is in a long call and the next calls may be waiting
                quiet = 0;
            } else if (since == 0 && ++quiet >= QUIET_POLLS) {
                standbyAsleep = true;
                if (roleFreeSince.get() == 0 && ended.getCount() > 0) {
                    LockSupport.park(this);
                }
                standbyAsleep = false;
                quiet = 0;
                continue;
            }
            LockSupport.parkNanos(this, STANDBY_NANOS);
            Thread.interrupted(); // as in awaitTurn
        }
    }

    private void end(IOException cause) {
        if (cause != null && failure == null) {
            failure = cause;
        }
        ended.countDown();
        LockSupport.unpark(standby);
        for (Worker w : idle) {
            LockSupport.unpark(w.thread);
        }
    }
}
