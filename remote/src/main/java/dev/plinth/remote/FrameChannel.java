package dev.plinth.remote;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection after its handshake, in non-blocking mode, shared by many threads without a thread of its own.
 *
 * <h2>Threading</h2>
 * Reading is a role: the thread that wins {@link #tryRead()} parses frames from a buffer (several per system call
 * when they arrive together) and waits on a selector when it needs more bytes, until {@link #releaseRead()}.
 * Writing combines: {@link #send} queues the frame, and whichever sender holds the write role writes every queued
 * frame with one gathering write, so no sender ever parks behind another.
 *
 * <h2>Blocking or not</h2>
 * A blocking {@link SocketChannel} is closed when a thread blocked in it is interrupted, which would end the
 * connection for every call. The host's callers are threads the host application may interrupt, so the host side
 * is non-blocking and waits in a selector, where an interrupt only wakes it up; a caller alone on the connection
 * polls the socket briefly before sleeping there, as waking from the selector costs more than from a read. The
 * child's threads are its own, so it reads in blocking mode, which wakes faster.
 */
final class FrameChannel implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final SocketChannel ch;
    private final Selector readable;
    private final Selector writable;
    private final ReentrantLock readRole = new ReentrantLock();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).flip(); // read mode: parse from here
    private byte[] large; // a frame bigger than the buffer, being filled
    private int largeFilled;
    private final Queue<ByteBuffer> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writeRole = new AtomicBoolean();

    /**
     * Takes over {@code ch}, which must be connected and done with its blocking handshake. {@code interruptible}
     * callers need a non-blocking channel with selectors; without them reads block in the socket.
     */
    FrameChannel(SocketChannel ch, boolean interruptible) throws IOException {
        this.ch = ch;
        if (interruptible) {
            ch.configureBlocking(false);
            this.readable = Selector.open();
            this.writable = Selector.open();
            ch.register(readable, SelectionKey.OP_READ);
            ch.register(writable, SelectionKey.OP_WRITE);
        } else {
            this.readable = null;
            this.writable = null;
        }
    }

    /** Takes the read role if no other thread has it; the caller must {@link #releaseRead()} it. */
    boolean tryRead() {
        return readRole.tryLock();
    }

    void releaseRead() {
        readRole.unlock();
    }

    /** Whether some thread holds the read role now. */
    boolean readTaken() {
        return readRole.isLocked();
    }

    /**
     * With the read role: the next frame, or null when {@code deadline} ({@link System#nanoTime}) passed, the
     * thread was interrupted or {@link #wakeReader()} was called before a whole frame arrived. Throws
     * {@link EOFException} when the peer closed the connection.
     */
    In next(long deadline) throws IOException {
        return next(deadline, 0);
    }

    /** {@link #next(long)}, first polling the socket for up to {@code spinNanos} before sleeping in the selector. */
    In next(long deadline, long spinNanos) throws IOException {
        long spinUntil = spinNanos > 0 ? System.nanoTime() + spinNanos : 0;
        while (true) {
            In frame = parse();
            if (frame != null) {
                return frame;
            }
            int n = fill();
            if (n < 0) {
                throw new EOFException("connection closed by the peer");
            }
            if (n > 0) {
                continue;
            }
            if (spinUntil != 0 && System.nanoTime() - spinUntil < 0) {
                Thread.onSpinWait();
                continue;
            }
            long wait = deadline == Long.MAX_VALUE ? 0 : deadline - System.nanoTime();
            if (wait <= 0 && deadline != Long.MAX_VALUE || Thread.currentThread().isInterrupted()) {
                return null;
            }
            if (await(readable, wait) == 0 && fill() == 0) {
                return parse(); // woken without bytes: let the reader look at its own state
            }
        }
    }

    /** With the read role: true when a whole frame waits in the buffer, ready without a system call. */
    boolean hasBufferedFrame() {
        return large == null && buffer.remaining() >= 4 && buffer.remaining() >= 4 + buffer.getInt(buffer.position());
    }

    /** Makes a reader waiting in {@link #next} return, so it notices a change of its state. */
    void wakeReader() {
        if (readable != null) {
            readable.wakeup();
        }
    }

    /**
     * Queues {@code frame} and writes it, or leaves it to the sender writing now; frames keep their order. Gives up
     * at {@code deadline} ({@link System#nanoTime}) with {@link WriteTimeoutException} when the peer has stopped
     * reading; the connection is then unusable, as a frame may be half written.
     */
    void send(Out frame, long deadline) throws IOException {
        queue(frame);
        flush(deadline);
    }

    /** Whether frames wait to be written and no thread is writing them now. */
    boolean hasUnsent() {
        return !outbox.isEmpty() && !writeRole.get();
    }

    /** Queues {@code frame} for the next {@link #flush}, so that several frames leave with one write. */
    void queue(Out frame) {
        outbox.add(frame.toBuffer());
    }

    /** Writes every queued frame, or leaves them to the sender writing now. */
    void flush() throws IOException {
        flush(Long.MAX_VALUE);
    }

    private void flush(long deadline) throws IOException {
        while (!outbox.isEmpty() && writeRole.compareAndSet(false, true)) {
            try {
                writeQueued(deadline);
            } finally {
                writeRole.set(false);
            }
        }
    }

    private void writeQueued(long deadline) throws IOException {
        List<ByteBuffer> batch = new ArrayList<>();
        for (ByteBuffer b; batch.size() < 64 && (b = outbox.poll()) != null; ) {
            batch.add(b);
        }
        if (batch.isEmpty()) {
            return; // the sender before us took them
        }
        ByteBuffer[] all = batch.toArray(ByteBuffer[]::new);
        ByteBuffer last = all[all.length - 1];
        boolean interrupted = false;
        try {
            while (last.hasRemaining()) {
                if (ch.write(all) == 0 && writable != null) {
                    interrupted |= Thread.interrupted(); // else the selector returns at once, again and again
                    long left = deadline == Long.MAX_VALUE ? 0 : deadline - System.nanoTime();
                    if (deadline != Long.MAX_VALUE && left <= 0) {
                        throw new WriteTimeoutException();
                    }
                    await(writable, left); // the peer is not reading; close() ends the wait
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes the connection and wakes every thread waiting on it; idempotent. */
    @Override
    public void close() {
        Link.closeQuietly(ch);
        if (readable != null) {
            Link.closeQuietly(readable);
            Link.closeQuietly(writable); // deregisters the channel, which closes its socket
        }
    }

    /** Reads what the socket has; -1 at its end, 0 when nothing is there. */
    private int fill() throws IOException {
        if (large != null) {
            return fillLarge();
        }
        buffer.compact();
        try {
            return ch.read(buffer);
        } finally {
            buffer.flip();
        }
    }

    private int fillLarge() throws IOException {
        ByteBuffer rest = ByteBuffer.wrap(large, largeFilled, large.length - largeFilled);
        int n = ch.read(rest);
        if (n > 0) {
            largeFilled += n;
        }
        return n;
    }

    private In parse() throws IOException {
        if (large != null) {
            if (largeFilled < large.length) {
                return null;
            }
            In frame = new In(large);
            large = null;
            return frame;
        }
        if (buffer.remaining() < 4) {
            return null;
        }
        int length = buffer.getInt(buffer.position());
        if (length < 1 || length > Frames.MAX_FRAME) {
            throw new IOException("frame: length " + length + " out of range 1.." + Frames.MAX_FRAME);
        }
        if (buffer.remaining() - 4 >= length) {
            byte[] body = new byte[length];
            buffer.position(buffer.position() + 4).get(body);
            return new In(body);
        }
        if (length > buffer.capacity() - 4) {
            large = new byte[length];
            buffer.position(buffer.position() + 4);
            largeFilled = buffer.remaining();
            buffer.get(large, 0, largeFilled);
            return largeFilled == length ? parse() : null;
        }
        return null;
    }

    /** Waits until the selector's channel is ready, up to {@code nanos} (0: no limit); the number ready. */
    private int await(Selector selector, long nanos) throws IOException {
        try {
            int ready = nanos == 0 ? selector.select() : selector.select(Math.max(1,
                    TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)));
            selector.selectedKeys().clear();
            if (!ch.isOpen()) {
                throw new ClosedChannelException();
            }
            return ready;
        } catch (ClosedSelectorException e) {
            throw new ClosedChannelException();
        }
    }

    /** The peer stopped reading and a write ran past its deadline. */
    static final class WriteTimeoutException extends java.io.InterruptedIOException {
        private static final long serialVersionUID = 1L;

        WriteTimeoutException() {
            super("write: the peer has not read for the whole call time-out");
        }
    }
}
