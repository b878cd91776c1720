package dev.plinth.runtime.internal;

/**
 * Not API. One generation of an extension: the plugin's instance and the class loader every call runs under.
 * Generated handles read both from one object, so a call never mixes two generations.
 *
 * <p>Calls in flight are not counted here: that would cost every call an atomic update. Draining a retired
 * generation instead inspects thread stacks (see {@code CallDrain} in the runtime): a call into a generation is a
 * handle frame whose callee frames come from that generation's uniquely named class loader.
 */
public final class CallTarget {
    /** The plugin's extension instance. */
    public final Object instance;
    /**
     * The class loader a call installs as the thread context class loader, the plugin's; null for a plugin proven
     * never to consult it, whose calls leave the context class loader as it is.
     */
    public final ClassLoader loader;

    CallTarget(Object instance, ClassLoader loader) {
        this.instance = instance;
        this.loader = loader;
    }
}
