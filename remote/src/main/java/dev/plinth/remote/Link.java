package dev.plinth.remote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The host end of one connection: many concurrent calls over one socket, matched to their replies by call id.
 *
 * <h2>Threading</h2>
 * Callers write their own frames, one at a time under a lock; one reader thread completes the callers' futures
 * and reports a broken connection once. {@link #failAll} fails every call in flight and every later one.
 */
final class Link {
    /** A reply: {@code ok} for a result, else a thrown exception; {@code in} is positioned at the value. */
    record Reply(boolean ok, In in) {
    }

    private final SocketChannel ch;
    private final Object writeLock = new Object();
    private final Map<Long, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    private volatile Supplier<? extends Throwable> failure;

    Link(SocketChannel ch) {
        this.ch = ch;
    }

    /** Starts the reader; {@code onBroken} runs once, on the reader thread, when the connection ends. */
    void start(String threadName, Consumer<IOException> onBroken) {
        Daemons.start(threadName, () -> {
            ByteBuffer header = ByteBuffer.allocate(4);
            try {
                while (true) {
                    In in = Frames.read(ch, header);
                    byte type = in.readByte();
                    if (type != Frames.RESULT && type != Frames.ERROR) {
                        throw new IOException("frame: unexpected type " + type + " from the child");
                    }
                    CompletableFuture<Reply> f = pending.remove(in.readLong());
                    if (f != null) { // null: the caller timed out and gave up
                        f.complete(new Reply(type == Frames.RESULT, in));
                    }
                }
            } catch (IOException e) {
                onBroken.accept(e);
            } catch (RuntimeException e) {
                onBroken.accept(new IOException("connection: " + e, e));
            }
        });
    }

    /** A call id, unique in this host; taken before the child is known, so arguments encode only once. */
    static long nextId() {
        return IDS.incrementAndGet();
    }

    /** Sends a call frame whose id is {@code id}; the future completes with its reply or fails with the link. */
    CompletableFuture<Reply> call(long id, Out frame) {
        CompletableFuture<Reply> f = new CompletableFuture<>();
        pending.put(id, f);
        Supplier<? extends Throwable> failed = failure;
        if (failed != null) {
            pending.remove(id);
            f.completeExceptionally(failed.get());
            return f;
        }
        try {
            send(frame);
        } catch (IOException e) {
            // the connection is breaking: the reader sees it too, and failAll completes this future
        }
        return f;
    }

    void send(Out frame) throws IOException {
        synchronized (writeLock) {
            Frames.write(ch, frame);
        }
    }

    /** Forgets a call whose caller stopped waiting. */
    void abandon(long id) {
        pending.remove(id);
    }

    /** The calls in flight now. */
    List<CompletableFuture<Reply>> inFlight() {
        return List.copyOf(pending.values());
    }

    /** Fails every call in flight, and every later call, with a fresh exception from {@code cause}. */
    void failAll(Supplier<? extends Throwable> cause) {
        failure = cause;
        for (Long id : List.copyOf(pending.keySet())) {
            CompletableFuture<Reply> f = pending.remove(id);
            if (f != null) {
                f.completeExceptionally(cause.get());
            }
        }
        closeQuietly(ch);
    }

    /** Closes the connection at {@code deadline} ({@link System#nanoTime}) unless the guard is cancelled first. */
    ScheduledFuture<?> guard(long deadline) {
        return Daemons.TIMER.schedule(() -> closeQuietly(ch), Math.max(1, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
    }

    SocketChannel channel() {
        return ch;
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing to stop a peer; nothing is left to do with it
        }
    }
}
