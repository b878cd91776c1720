package dev.plinth.remote;

import dev.plinth.runtime.PluginUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one plugin's child JVM alive: notices its end, fails the calls in flight, restarts it with exponential
 * back-off, swaps it on reload and stops it on close. See {@link RemoteState} for the states.
 *
 * <h2>Threading</h2>
 * State changes happen under one lock and never wait for a process there. Restarts run on their own daemon thread
 * after the back-off; a crash is reported on a thread of its own (see {@link Link}).
 */
final class Supervisor {
    private static final Logger LOG = LoggerFactory.getLogger(RemotePlugin.class);
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    final String pluginId;
    private final Object lock = new Object();
    private final Object reloadLock = new Object();
    private final List<Consumer<? super RemoteEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile RemoteOptions options;
    private volatile RemoteState state = RemoteState.RUNNING;
    private volatile Map<String, Integer> served = Map.of();
    private Child current;
    private CompletableFuture<Child> ready = new CompletableFuture<>();
    private long backoffMillis;
    private int failedStarts;

    Supervisor(RemoteOptions options, String pluginId) {
        this.options = options;
        this.pluginId = pluginId;
        this.backoffMillis = options.initialBackoff().toMillis();
    }

    /** Starts the first child; throws {@link StartFailure} when it does not come up. */
    void launch() {
        Child c = ChildLauncher.start(options, pluginId);
        synchronized (lock) {
            install(c);
        }
        c.link.watch(c.process, watcherName(c), e -> lost(c, e));
        emit(RemoteEvent.Kind.STARTED, c.pid(), -1, "plugin " + pluginId + ": child JVM (pid " + c.pid()
                + ") started", List.of());
    }

    private void install(Child c) {
        current = c;
        served = c.extensions;
        state = RemoteState.RUNNING;
        failedStarts = 0;
        if (!ready.complete(c)) {
            ready = CompletableFuture.completedFuture(c);
        }
    }

    /** The running child, waiting for a restart up to the start time-out. */
    Child awaitChild() {
        CompletableFuture<Child> f;
        synchronized (lock) {
            if (state == RemoteState.CLOSED || state == RemoteState.FAILED) {
                throw unavailable();
            }
            f = ready;
        }
        try {
            return f.get(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RemoteFaultException(pluginId, "plugin " + pluginId + ": no child JVM ready within "
                    + options.startTimeout().toMillis() + " ms (state " + state + ")", -1, false);
        } catch (ExecutionException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFaultException(pluginId, "plugin " + pluginId + ": interrupted while waiting for its"
                    + " child JVM", -1, false);
        }
    }

    private PluginUnavailableException unavailable() {
        return new PluginUnavailableException(pluginId, "plugin " + pluginId + ": not available (state " + state
                + ")");
    }

    /** Takes {@code c} out of service if it is the current child; true when it was. Under the lock. */
    private boolean detach(Child c) {
        if (current != c || state != RemoteState.RUNNING) {
            return false;
        }
        current = null;
        state = RemoteState.RESTARTING;
        ready = new CompletableFuture<>();
        return true;
    }

    /** Called once when a child's connection ends, whatever the reason. */
    private void lost(Child c, IOException cause) {
        boolean restart;
        synchronized (lock) { // first, so that no new call goes to a dying child
            restart = !c.retiring && (detach(c) || c.restartOnEnd) && state == RemoteState.RESTARTING;
        }
        int code = c.awaitExit(Duration.ofSeconds(2));
        String end = c.describeEnd(code);
        String fate = c.retiring ? " while being stopped" : restart ? "; it restarts" : "";
        c.link.failAll(() -> new RemoteFaultException(pluginId, "plugin " + pluginId + ": call failed: " + end
                + fate, code, false));
        c.cleanUp();
        if (!restart) {
            return;
        }
        long delay;
        synchronized (lock) {
            if (System.nanoTime() - c.startedNanos > options.maxBackoff().toNanos()) {
                backoffMillis = options.initialBackoff().toMillis(); // it ran well for a while: not a crash loop
            }
            delay = nextDelay();
        }
        String message = "plugin " + pluginId + ": " + end + " (" + cause.getMessage() + "); restarting in "
                + delay + " ms";
        List<String> output = c.lastOutput();
        LOG.warn("{}{}", message, output.isEmpty() ? "" : "; its last output:\n  " + String.join("\n  ", output));
        emit(RemoteEvent.Kind.CRASHED, c.pid(), code, message, output);
        scheduleRestart(delay);
    }

    private long nextDelay() {
        long d = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, options.maxBackoff().toMillis());
        return d;
    }

    private void scheduleRestart(long delayMillis) {
        Daemons.TIMER.schedule(() -> Daemons.start("plinth-remote-restart-" + pluginId, this::restart),
                delayMillis, TimeUnit.MILLISECONDS);
    }

    private void restart() {
        Child n;
        try {
            n = ChildLauncher.start(options, pluginId);
        } catch (StartFailure f) {
            restartFailed(f);
            return;
        }
        synchronized (lock) {
            if (state != RemoteState.RESTARTING) {
                n.retiring = true; // closed or reloaded meanwhile
            } else {
                install(n);
            }
        }
        if (n.retiring) {
            n.stop(STOP_GRACE);
            return;
        }
        n.link.watch(n.process, watcherName(n), e -> lost(n, e));
        emit(RemoteEvent.Kind.RESTARTED, n.pid(), -1, "plugin " + pluginId + ": restarted in child JVM (pid "
                + n.pid() + ")", List.of());
    }

    private void restartFailed(StartFailure f) {
        boolean giveUp;
        long delay = 0;
        synchronized (lock) {
            if (state != RemoteState.RESTARTING) {
                return;
            }
            failedStarts++;
            giveUp = f.permanent || failedStarts >= options.maxFailedStarts();
            if (giveUp) {
                state = RemoteState.FAILED;
                ready.completeExceptionally(f);
            } else {
                delay = nextDelay();
            }
        }
        LOG.error("{}{}", f.getMessage(), giveUp ? "; giving up after " + failedStarts + " failed starts"
                : "; trying again in " + delay + " ms");
        if (giveUp) {
            emit(RemoteEvent.Kind.FAILED, -1, -1, f.getMessage(), List.of());
        } else {
            scheduleRestart(delay);
        }
    }

    /** Kills a child whose call timed out; its end is then reported and the plugin restarts. */
    void timedOut(Child c, String what) {
        LOG.warn("plugin {}: {} timed out; killing child JVM (pid {})", pluginId, what, c.pid());
        synchronized (lock) {
            c.restartOnEnd = detach(c); // before this returns: the caller's next call must wait for a new child
        }
        c.kill("a call timed out: " + what);
    }

    /** Kills a child that broke the protocol ({@code problem}); like a time-out, the plugin restarts. */
    void protocolError(Child c, String problem) {
        LOG.warn("plugin {}: {}; killing child JVM (pid {})", pluginId, problem, c.pid());
        synchronized (lock) {
            c.restartOnEnd = detach(c);
        }
        c.kill(problem);
    }

    /** Starts a child for {@code jar} (or the current jar) and switches to it once it serves. */
    void reload(Path jar) {
        synchronized (reloadLock) {
            if (state == RemoteState.CLOSED) {
                throw unavailable();
            }
            RemoteOptions next = jar == null ? options : options.withJar(jar);
            Child n = ChildLauncher.start(next, pluginId);
            Child old;
            synchronized (lock) {
                if (state == RemoteState.CLOSED) {
                    n.retiring = true;
                    old = null;
                } else {
                    old = current;
                    options = next;
                    install(n);
                }
            }
            if (n.retiring) {
                n.stop(STOP_GRACE);
                throw unavailable();
            }
            n.link.watch(n.process, watcherName(n), e -> lost(n, e));
            if (old != null) {
                old.retiring = true;
                drain(old);
                old.stop(STOP_GRACE);
            }
            emit(RemoteEvent.Kind.RELOADED, n.pid(), -1, "plugin " + pluginId + ": reloaded from " + next.jar()
                    + " in child JVM (pid " + n.pid() + ")", List.of());
        }
    }

    /** Lets the calls already sent to {@code old} finish, up to the call time-out. */
    private void drain(Child old) {
        try {
            CompletableFuture.allOf(old.link.inFlight().toArray(CompletableFuture<?>[]::new))
                    .get(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("plugin {}: calls on the old child JVM (pid {}) did not all finish: {}", pluginId, old.pid(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        Child old;
        synchronized (lock) {
            if (state == RemoteState.CLOSED) {
                return;
            }
            state = RemoteState.CLOSED;
            old = current;
            current = null;
            ready.completeExceptionally(unavailable());
        }
        if (old != null) {
            old.stop(STOP_GRACE);
        }
        emit(RemoteEvent.Kind.CLOSED, old == null ? -1 : old.pid(), -1, "plugin " + pluginId + ": closed",
                List.of());
    }

    RemoteState state() {
        return state;
    }

    RemoteOptions options() {
        return options;
    }

    Map<String, Integer> served() {
        return served;
    }

    Child current() {
        synchronized (lock) {
            return current;
        }
    }

    void addListener(Consumer<? super RemoteEvent> listener) {
        listeners.add(listener);
    }

    private void emit(RemoteEvent.Kind kind, long pid, int exitCode, String message, List<String> stderr) {
        RemoteEvent event = new RemoteEvent(kind, pluginId, pid, exitCode < 0 ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(exitCode), message, stderr);
        for (Consumer<? super RemoteEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.error("plugin {}: a listener failed on {}", pluginId, kind, e);
            }
        }
    }

    private String watcherName(Child c) {
        return "plinth-remote-" + pluginId + "-" + c.pid() + "-ended";
    }
}
