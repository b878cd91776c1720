package dev.plinth.runtime.internal;

/**
 * Not API. The superclass of generated extension handles: holds the slot, and does the work of the handle's
 * {@code toString}, {@code equals} and {@code hashCode}, which forward to the plugin's instance.
 *
 * <p>The generated class overrides those three methods to call the {@code plinth...} methods here, so that, as for
 * every other call, a frame of the generated class is below the plugin's frames: that is how unloading recognises
 * a call in flight (see {@code CallDrain}). Like other calls, they run with the plugin's loader as the thread
 * context class loader (unless the plugin was proven never to consult it, see {@link CallTarget#loader}) and
 * follow the plugin across reloads. Once the plugin no longer serves calls they do not
 * throw: {@code toString} says why it is unavailable, and {@code equals} and {@code hashCode} are the handle's own
 * identity, so a host can still log a stale handle or remove it from a collection.
 */
public abstract class HandleBase {
    /** The slot every call goes through. */
    protected final ExtensionSlot slot;
    /**
     * The instance of the slot's generation when its calls leave the context class loader alone, else null: calls
     * then take it in one read instead of entering the slot. Written by the slot only.
     */
    protected volatile Object direct;

    /** Binds a handle to its slot. */
    protected HandleBase(ExtensionSlot slot) {
        this.slot = slot;
    }

    final void direct(Object instance) {
        this.direct = instance;
    }

    /** The slot behind a handle, for the host's bookkeeping. */
    public final ExtensionSlot plinthSlot() {
        return slot;
    }

    /** The plugin instance's {@code toString()}, or why the plugin is unavailable. */
    protected final String plinthToString() {
        CallTarget t = slot.current();
        if (t == null) {
            return slot.unavailable();
        }
        if (t.loader == null) {
            return t.instance.toString();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = switchTo(thread, t.loader);
        try {
            return t.instance.toString();
        } finally {
            restore(thread, previous);
        }
    }

    /** The plugin instance's {@code hashCode()}, or the handle's identity hash once the plugin is unavailable. */
    protected final int plinthHashCode() {
        CallTarget t = slot.current();
        if (t == null) {
            return System.identityHashCode(this);
        }
        if (t.loader == null) {
            return t.instance.hashCode();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = switchTo(thread, t.loader);
        try {
            return t.instance.hashCode();
        } finally {
            restore(thread, previous);
        }
    }

    /**
     * The plugin instance's {@code equals}, given the instance behind {@code other} when that is a handle too (so
     * two handles of one instance are equal); identity once the plugin is unavailable.
     */
    protected final boolean plinthEquals(Object other) {
        CallTarget t = slot.current();
        if (t == null) {
            return this == other;
        }
        Object compared = other;
        if (other instanceof HandleBase handle) {
            CallTarget o = handle.slot.current();
            compared = o == null ? other : o.instance;
        }
        if (t.loader == null) {
            return t.instance.equals(compared);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = switchTo(thread, t.loader);
        try {
            return t.instance.equals(compared);
        } finally {
            restore(thread, previous);
        }
    }

    /** Installs {@code loader} as the context class loader unless it already is; returns the one it replaced. */
    private static ClassLoader switchTo(Thread thread, ClassLoader loader) {
        ClassLoader previous = thread.getContextClassLoader();
        if (previous != loader) {
            thread.setContextClassLoader(loader);
        }
        return previous;
    }

    /** Puts {@code previous} back as the context class loader unless it still is. */
    private static void restore(Thread thread, ClassLoader previous) {
        if (thread.getContextClassLoader() != previous) {
            thread.setContextClassLoader(previous);
        }
    }
}
