package dev.plinth.runtime.internal;

/**
 * Not API. The superclass of generated extension handles: holds the slot, and does the work of the handle's
 * {@code toString}, {@code equals} and {@code hashCode}, which forward to the plugin's instance.
 *
 * <p>The generated class overrides those three methods to call the {@code plinth...} methods here, so that, as for
 * every other call, a frame of the generated class is below the plugin's frames: that is how unloading recognises
 * a call in flight (see {@code CallDrain}). Like other calls, they run with the plugin's loader as the thread
 * context class loader and follow the plugin across reloads. Once the plugin no longer serves calls they do not
 * throw: {@code toString} says why it is unavailable, and {@code equals} and {@code hashCode} are the handle's own
 * identity, so a host can still log a stale handle or remove it from a collection.
 */
public abstract class HandleBase {
    /** The slot every call goes through. */
    protected final ExtensionSlot slot;

    /** Binds a handle to its slot. */
    protected HandleBase(ExtensionSlot slot) {
        this.slot = slot;
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
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(t.loader);
        try {
            return t.instance.toString();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The plugin instance's {@code hashCode()}, or the handle's identity hash once the plugin is unavailable. */
    protected final int plinthHashCode() {
        CallTarget t = slot.current();
        if (t == null) {
            return System.identityHashCode(this);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(t.loader);
        try {
            return t.instance.hashCode();
        } finally {
            thread.setContextClassLoader(previous);
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
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(t.loader);
        try {
            return t.instance.equals(compared);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
