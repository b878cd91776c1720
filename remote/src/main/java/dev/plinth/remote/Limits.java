package dev.plinth.remote;

/**
 * The bounds on everything a peer sends. A receiver checks each before it allocates, so no length, count or depth
 * read from the wire makes it allocate more than a small multiple of the frame it already holds; a sender checks the
 * same bounds, so that a value too large to cross fails on the side that tried to send it.
 */
final class Limits {
    /** The largest frame either side accepts ({@link Frames#MAX_FRAME}); it bounds every string and array too. */
    static final int MAX_FRAME = Frames.MAX_FRAME;
    /** Values (each element, component and field counts one) in one call's arguments or one reply. */
    static final int MAX_VALUES = 1_000_000;
    /** How deep values may nest: a record in a list in a map is three levels. */
    static final int MAX_DEPTH = 64;
    /** Bytes of a class, enum constant, method or zone name. */
    static final int MAX_NAME_BYTES = 1024;
    /** Bytes of the magnitude of a {@code BigInteger} or {@code BigDecimal} (32768 bits). */
    static final int MAX_NUMBER_BYTES = 4096;
    /** Causes sent after a throwable; deeper ones are left out by the sender. */
    static final int MAX_CAUSES = 8;
    /** Stack frames per throwable sent; more are left out by the sender. */
    static final int MAX_STACK_FRAMES = 1024;
    /** Characters of a throwable's message sent; a longer one is cut by the sender. */
    static final int MAX_MESSAGE_CHARS = 16 * 1024;
    /** Characters of one line of a child's output; the rest of a longer line is dropped and the cut marked. */
    static final int MAX_LINE_CHARS = 8 * 1024;

    private Limits() {
    }
}
