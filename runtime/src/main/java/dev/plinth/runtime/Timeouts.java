package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.time.Duration;

/** Findings for a plugin thread that did not return in time, naming the step and where the thread is stuck. */
final class Timeouts {
    private Timeouts() {
    }

    static Finding startTimeout(PluginRecord r, Thread worker, Duration limit) {
        Phase phase = r.phase;
        boolean staticInit = phase.step().equals("static initializer");
        String subject = phase == Phase.NONE ? r.id() + ": start" : phase.type() + ": " + phase.step();
        Location where = phase == Phase.NONE ? Location.of(r.path) : Location.type(r.path, phase.type())
                .member(staticInit ? "<clinit>" : phase.step());
        String fix = staticInit
                ? "move blocking work (network, files, sleeps) out of the static initializer into"
                        + " Plugin.start(PluginContext)"
                : "return from start promptly and run long work on PluginContext.executor(), or raise"
                        + " PluginHostBuilder.startTimeout";
        return Finding.error(FindingCode.INIT_TIMEOUT, r.id(), where, subject + " did not return within "
                + format(limit) + "; thread " + worker.getName() + " is at " + position(worker), fix);
    }

    static Finding stopTimeout(PluginRecord r, Thread worker, Duration limit) {
        Phase phase = r.phase;
        String subject = phase == Phase.NONE ? r.id() + ": stop" : phase.toString();
        return Finding.warning(FindingCode.STOP_FAILED, r.id(), Location.of(r.path), subject
                + " did not return within " + format(limit) + "; thread " + worker.getName() + " is at "
                + position(worker), "make stop() return promptly; the plugin is unloaded anyway");
    }

    /** The innermost frame outside the JDK and Plinth: the plugin code that is stuck. */
    static String position(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (!JdkPackages.containsClass(c) && !c.startsWith("dev.plinth.runtime.")) {
                return frame.toString();
            }
        }
        return stack.length == 0 ? "an unknown place (thread ended)" : stack[0].toString();
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
