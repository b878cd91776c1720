package dev.plinth.runtime;

import dev.plinth.runtime.spi.ProcessLauncher;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a plugin's child JVM does after it first served into the host's events — {@code CRASHED},
 * {@code RESTARTED} — and, when the child is given up on, the plugin's {@code FAILED} state with a finding.
 */
final class ChildEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private ChildEvents() {
    }

    static ProcessLauncher.Listener of(PluginRecord r, Events events, Runnable republish) {
        return new ProcessLauncher.Listener() {
            @Override
            public void crashed(String detail) {
                LOG.warn("plugin {}: {}", r.id(), detail);
                events.crashed(r.snapshot(), detail);
                events.flushFromBackground();
            }

            @Override
            public void restarted(String detail) {
                LOG.info("plugin {}: {}", r.id(), detail);
                events.restarted(r.snapshot(), detail);
                events.flushFromBackground();
            }

            @Override
            public void failed(String detail) {
                Finding f = Finding.error(FindingCode.START_FAILED, r.id(), Location.of(r.path), r.id()
                        + ": child JVM given up on: " + detail, "see the child's output in the log; run the plugin"
                        + " in process to see the failure directly");
                if (r.failIf(PluginState.STARTED, f, null)) {
                    FindingLog.log(f);
                    republish.run();
                    events.failed(r.snapshot());
                }
                events.flushFromBackground();
            }
        };
    }
}
