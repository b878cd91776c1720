package dev.plinth.runtime;

/**
 * Receives the host's plugin events: loaded, failed, reloaded, unloaded, leak. Called on the thread that caused the
 * event; must return quickly and must not call back into the host's {@code start}, {@code reload}, {@code unload}
 * or {@code close}. An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface PluginListener {

    /** One event. */
    void onEvent(PluginEvent event);
}
