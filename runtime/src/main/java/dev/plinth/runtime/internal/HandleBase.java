package dev.plinth.runtime.internal;

/**
 * Not API. The superclass of generated extension handles: holds the slot and gives handles a readable
 * {@code toString}. Equality is identity.
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

    @Override
    public String toString() {
        Object target = slot.currentInstance();
        return slot.extension() + " handle of plugin " + slot.pluginId() + " -> "
                + (target == null ? "retired" : target.getClass().getName());
    }
}
