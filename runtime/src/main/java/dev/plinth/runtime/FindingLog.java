package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs findings as {@code docs/runtime.md} promises: each once, on one line, at the level of its severity — errors
 * at ERROR, warnings at WARN, notes at INFO — with the cause's stack trace, if any, at DEBUG. Each place that makes
 * a finding logs it here, once, when it makes it.
 */
final class FindingLog {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private FindingLog() {
    }

    static void log(Finding f) {
        log(f, null, null);
    }

    static void log(Finding f, Throwable cause) {
        log(f, null, cause);
    }

    /** Logs {@code f} with {@code detail} on the lines after it (e.g. a thread's stack), unless null. */
    static void log(Finding f, String detail, Throwable cause) {
        String text = detail == null ? f.toString() : f + "\n" + detail;
        switch (f.severity()) {
            case ERROR -> LOG.error("{}", text);
            case WARNING -> LOG.warn("{}", text);
            default -> LOG.info("{}", text);
        }
        if (cause != null) {
            LOG.debug("plugin {}: cause of {}", f.plugin(), f.code().id(), cause);
        }
    }
}
