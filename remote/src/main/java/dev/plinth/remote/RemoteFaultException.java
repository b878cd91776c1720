package dev.plinth.remote;

import dev.plinth.runtime.PluginException;
import java.util.OptionalInt;

/**
 * A call failed because of its child JVM, not because of plugin code: the call timed out, the child exited or was
 * killed, or no child came up in time. The plugin is restarted; the next call goes to the new child.
 */
public final class RemoteFaultException extends PluginException {
    private static final long serialVersionUID = 1L;

    /** The child's exit code, or -1 when it had not exited. */
    private final int exitCode;
    /** Whether this call exceeded the call time-out. */
    private final boolean timedOut;

    /** A failed call of {@code pluginId}; {@code exitCode} is -1 when the child had not exited. */
    public RemoteFaultException(String pluginId, String message, int exitCode, boolean timedOut) {
        super(pluginId, message, null);
        this.exitCode = exitCode;
        this.timedOut = timedOut;
    }

    /** The child's exit code (128 + n when killed by signal n), if it had exited. */
    public OptionalInt exitCode() {
        return exitCode < 0 ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    /** Whether this call exceeded the call time-out (and its child was killed for it). */
    public boolean timedOut() {
        return timedOut;
    }
}
