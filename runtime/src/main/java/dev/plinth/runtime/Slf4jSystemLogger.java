package dev.plinth.runtime;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code System.Logger} a plugin gets from its context, forwarding to SLF4J under {@code plinth.plugin.<id>}. */
final class Slf4jSystemLogger implements System.Logger {
    private final String name;
    private volatile Logger delegate;

    /** Asks SLF4J for the logger when the plugin first logs: most never do, and a logger per plugin costs a start. */
    Slf4jSystemLogger(String pluginId) {
        this.name = "plinth.plugin." + pluginId;
    }

    private Logger delegate() {
        Logger known = delegate;
        if (known == null) {
            known = LoggerFactory.getLogger(name); // the same logger for the same name: a race is harmless
            delegate = known;
        }
        return known;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        switch (level) {
            case ALL:
            case TRACE:
                return delegate().isTraceEnabled();
            case DEBUG:
                return delegate().isDebugEnabled();
            case INFO:
                return delegate().isInfoEnabled();
            case WARNING:
                return delegate().isWarnEnabled();
            case ERROR:
                return delegate().isErrorEnabled();
            case OFF:
                return false;
            default:
                return true;
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            emit(level, localize(bundle, msg), thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            String pattern = localize(bundle, format);
            emit(level, params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params), null);
        }
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
        if (isLoggable(level)) {
            emit(level, msgSupplier.get(), null);
        }
    }

    private static String localize(ResourceBundle bundle, String key) {
        return bundle != null && key != null && bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    private void emit(Level level, String message, Throwable thrown) {
        switch (level) {
            case ALL:
            case TRACE:
                delegate().trace(message, thrown);
                break;
            case DEBUG:
                delegate().debug(message, thrown);
                break;
            case INFO:
                delegate().info(message, thrown);
                break;
            case WARNING:
                delegate().warn(message, thrown);
                break;
            default:
                delegate().error(message, thrown);
                break;
        }
    }
}
