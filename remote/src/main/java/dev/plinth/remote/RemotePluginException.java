package dev.plinth.remote;

import dev.plinth.runtime.PluginException;
import java.util.Objects;

/**
 * An exception thrown by plugin code in the child JVM, rebuilt in the host: the remote class name and message,
 * with the remote stack trace set as this exception's own and the remote cause chain as its causes.
 *
 * <p>The remote exception's class is never loaded in the host; {@link #remoteClassName()} names it.
 */
public final class RemotePluginException extends PluginException {
    private static final long serialVersionUID = 1L;

    /** The binary name of the exception class thrown in the child. */
    private final String remoteClassName;
    /** The exception's message in the child, or null. */
    private final String remoteMessage;

    /** {@code message} is the whole message; the stack trace is set by the receiver. */
    public RemotePluginException(String pluginId, String message, String remoteClassName, String remoteMessage,
                                 RemotePluginException cause) {
        super(pluginId, message, cause);
        this.remoteClassName = Objects.requireNonNull(remoteClassName, "remoteClassName == null");
        this.remoteMessage = remoteMessage;
    }

    /** The binary name of the exception class thrown in the child, e.g. {@code java.lang.IllegalStateException}. */
    public String remoteClassName() {
        return remoteClassName;
    }

    /** The exception's message in the child, or null when it had none. */
    public String remoteMessage() {
        return remoteMessage;
    }
}
