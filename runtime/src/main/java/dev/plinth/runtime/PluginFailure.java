package dev.plinth.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A copy of the exception a plugin failed with, detached from the plugin: it keeps the original's class name (and
 * those of its superclasses), message, text and stack trace, with its causes and suppressed exceptions copied the
 * same way, but holds no reference to an object or class of the plugin.
 *
 * <p>This is what {@link PluginInfo#failure()} holds. Keeping the original would keep the failed plugin's class
 * loader, and everything its classes reference, reachable for as long as the host keeps the failure: a plugin that
 * allocated 200 MB and then threw in {@code start} would keep the 200 MB. The JVM's own exceptions pin it too, as
 * their recorded backtrace references the classes of every frame.
 *
 * <p>{@link #toString()} and {@link #printStackTrace()} read as the original's would; compare types with
 * {@link #wasInstanceOf(Class)}, since {@code instanceof} sees this class.
 */
public final class PluginFailure extends PluginException {
    private static final long serialVersionUID = 1L;
    /** Copies this many causes (and suppressed exceptions) deep, so a cycle in a cause chain ends. */
    private static final int MAX_DEPTH = 32;

    private final String originalClassName;
    private final String[] originalTypes;
    private final String text;

    private PluginFailure(String pluginId, Throwable original, int depth) {
        super(pluginId, message(original), copyOf(pluginId, cause(original), depth + 1));
        this.originalClassName = original.getClass().getName();
        List<String> types = new ArrayList<>();
        for (Class<?> c = original.getClass(); c != null; c = c.getSuperclass()) {
            types.add(c.getName());
        }
        this.originalTypes = types.toArray(String[]::new);
        this.text = text(original);
        setStackTrace(frames(original));
        for (Throwable s : original.getSuppressed()) {
            PluginFailure copy = copyOf(pluginId, s, depth + 1);
            if (copy != null) {
                addSuppressed(copy);
            }
        }
    }

    /** A detached copy of {@code original}, a failure of plugin {@code pluginId}; null for null. */
    static PluginFailure copyOf(String pluginId, Throwable original) {
        Objects.requireNonNull(pluginId, "pluginId == null");
        return original instanceof PluginFailure detached ? detached : copyOf(pluginId, original, 0);
    }

    private static PluginFailure copyOf(String pluginId, Throwable original, int depth) {
        return original == null || depth > MAX_DEPTH ? null : new PluginFailure(pluginId, original, depth);
    }

    /** The binary name of the original exception's class, e.g. {@code com.acme.sink.SinkException}. */
    public String originalClassName() {
        return originalClassName;
    }

    /** Whether the original exception was an instance of {@code type}, compared by the names of its superclasses. */
    public boolean wasInstanceOf(Class<? extends Throwable> type) {
        return Arrays.asList(originalTypes).contains(type.getName());
    }

    /** The original's {@code toString()}: its class name and message. */
    @Override
    public String toString() {
        return text;
    }

    /** Records no stack of its own: it carries the original's, set at construction. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    // A plugin's exception class may override these and throw: the copy must still be made, or the failure is lost.

    private static String message(Throwable t) {
        try {
            return t.getMessage();
        } catch (RuntimeException | LinkageError e) {
            return "(getMessage() threw " + e.getClass().getName() + ")";
        }
    }

    private static String text(Throwable t) {
        try {
            return t.toString();
        } catch (RuntimeException | LinkageError e) {
            String message = message(t);
            return t.getClass().getName() + (message == null ? "" : ": " + message);
        }
    }

    private static Throwable cause(Throwable t) {
        try {
            Throwable cause = t.getCause();
            return cause == t ? null : cause;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** New frames from the original's, so no frame keeps a reference to a class. */
    private static StackTraceElement[] frames(Throwable t) {
        StackTraceElement[] frames;
        try {
            frames = t.getStackTrace();
        } catch (RuntimeException | LinkageError e) {
            return new StackTraceElement[0];
        }
        StackTraceElement[] copy = new StackTraceElement[frames.length];
        for (int i = 0; i < frames.length; i++) {
            StackTraceElement f = frames[i];
            copy[i] = new StackTraceElement(f.getClassLoaderName(), f.getModuleName(), f.getModuleVersion(),
                    f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber());
        }
        return copy;
    }
}
