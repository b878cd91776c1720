package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import com.acme.lib.StopGate;
import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle calls are serialised per plugin: one plugin's slow stop never holds up another plugin's reload. */
class PerPluginLockingTest {
    /** A plugin whose stop() waits at the gate, ignoring interrupts, and also serves a filter. */
    static TestJar hungStop(String id) {
        String pkg = "com.acme." + id.replace('-', '_');
        return Fixtures.filterPlugin(id, "Echo", "return in;")
                .source(pkg + ".Hung", "package " + pkg + ";\n"
                        + "public class Hung implements dev.plinth.api.Plugin {\n"
                        + "    public void start(dev.plinth.api.PluginContext c) { }\n"
                        + "    public void stop() {\n"
                        + "        com.acme.lib.StopGate.stopping = true;\n"
                        + "        while (!com.acme.lib.StopGate.open) {\n"
                        + "            try { Thread.sleep(5); } catch (InterruptedException ignored) { }\n"
                        + "        }\n"
                        + "    }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", pkg + ".Hung");
    }

    @TempDir
    Path dir;

    @AfterEach
    void openGate() {
        StopGate.open = true;
    }

    @Test
    void reloadingOnePluginDoesNotWaitForAnotherPluginsHungStop() throws Exception {
        StopGate.reset();
        hungStop("hung").writeTo(dir);
        Fixtures.filterPlugin("quick", "Quick", "return in + \"!\";").writeTo(dir);
        try (PluginHost host = Fixtures.host(dir).stopTimeout(Duration.ofSeconds(30)).build()) {
            host.start();
            CompletableFuture<UnloadReport> unloadHung = CompletableFuture.supplyAsync(() -> host.unload("hung"));
            await(() -> StopGate.stopping, Duration.ofSeconds(20));

            ReloadReport reload = host.reload("quick");
            UnloadReport unloadQuick = host.unload("quick");

            assertThat(unloadHung).as("hung's stop() still runs: nothing above waited for it").isNotDone();
            assertThat(reload.reloaded()).isTrue();
            assertThat(unloadQuick.findings()).isEmpty();
            StopGate.open = true;
            assertThat(unloadHung.get(30, TimeUnit.SECONDS).findings()).isEmpty();
        }
    }

    @Test
    void aListenerMayCallBackIntoTheHostAndStartReturnsAfterItsEventsWereDelivered() throws Exception {
        Fixtures.filterPlugin("echo", "Echo", "return in;").writeTo(dir);
        List<ReloadReport> reloads = new CopyOnWriteArrayList<>();
        PluginHost[] self = new PluginHost[1];
        try (PluginHost host = Fixtures.host(dir).startTimeout(Duration.ofSeconds(2)).listener(e -> {
            if (e.type() == PluginEvent.Type.LOADED && reloads.isEmpty()) {
                reloads.add(self[0].reload("echo")); // back into the host, from the event of start()
            }
        }).build()) {
            self[0] = host;

            host.start();

            assertThat(reloads).as("delivered before start() returned").hasSize(1);
            assertThat(reloads.get(0).reloaded()).isTrue();
            assertThat(host.plugin("echo").orElseThrow().state()).isEqualTo(PluginState.STARTED);
            assertThat(host.extensions(Filter.class)).hasSize(1);
        }
    }

    @Test
    void closeWaitsForAReloadInFlightAndThenUnloadsItsNewGeneration() throws Exception {
        StopGate.reset();
        hungStop("slow").writeTo(dir);
        List<PluginEvent> events = new CopyOnWriteArrayList<>();
        PluginHost host = Fixtures.host(dir).listener(events::add).build();
        host.start();
        CompletableFuture<ReloadReport> reload = CompletableFuture.supplyAsync(() -> host.reload("slow"));
        await(() -> StopGate.stopping, Duration.ofSeconds(20)); // the old generation is stopping: reload in flight

        Thread closer = new Thread(host::close, "closer");
        Thread second = new Thread(host::close, "second-closer");
        closer.start();
        await(() -> waitsInLocks(closer), Duration.ofSeconds(20)); // close waits for the reload's turn
        second.start();
        StopGate.open = true;

        assertThat(reload.get(30, TimeUnit.SECONDS).reloaded()).isTrue();
        closer.join(TimeUnit.SECONDS.toMillis(30));
        second.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(closer.isAlive() || second.isAlive()).as("both close() calls returned").isFalse();
        assertThat(host.plugins()).extracting(PluginInfo::state).containsExactly(PluginState.UNLOADED);
        assertThat(events).extracting(PluginEvent::type).containsSubsequence(PluginEvent.Type.RELOADED,
                PluginEvent.Type.UNLOADED);
    }

    private static boolean waitsInLocks(Thread t) {
        return t.getState() == Thread.State.WAITING && java.util.Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(PluginLocks.class.getName()));
    }

    @Test
    void aReloadWhoseCallerIsInterruptedNeverServesLaterAndTheOldGenerationKeepsServing() throws Exception {
        Path v1 = Fixtures.filterPlugin("gated", "Gated", "return \"v1:\" + in;").writeTo(dir.resolve("v1"));
        Path v2 = Fixtures.filterPlugin("gated", "Gated", "return \"v2:\" + in;")
                .source("com.acme.gated.Waits", "package com.acme.gated; public class Waits implements"
                        + " dev.plinth.api.Plugin { public void start(dev.plinth.api.PluginContext c) {"
                        + " com.acme.lib.StartGate.starting = true; while (!com.acme.lib.StartGate.open) {"
                        + " try { Thread.sleep(5); } catch (InterruptedException ignored) { } } } }")
                .service("dev.plinth.api.Plugin", "com.acme.gated.Waits").writeTo(dir.resolve("v2"));
        com.acme.lib.StartGate.reset();
        try (PluginHost host = Fixtures.host(dir.resolve("v1")).build()) {
            host.start();
            Filter handle = host.extensions(Filter.class).get(0);
            java.util.concurrent.atomic.AtomicReference<ReloadReport> report =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread caller = new Thread(() -> report.set(host.reload("gated", v2)), "reloading-caller");
            caller.start();
            await(() -> com.acme.lib.StartGate.starting, Duration.ofSeconds(20));

            caller.interrupt();
            caller.join(TimeUnit.SECONDS.toMillis(20));
            com.acme.lib.StartGate.open = true; // the abandoned start may now return: it must not serve

            assertThat(caller.isAlive()).isFalse();
            assertThat(report.get().reloaded()).isFalse();
            assertThat(report.get().findings()).extracting(dev.plinth.verify.Finding::message)
                    .contains("gated: not started: the thread waiting for its start was interrupted");
            assertThat(handle.apply("x")).isEqualTo("v1:x");
            assertThat(host.plugins()).extracting(PluginInfo::state).containsExactly(PluginState.STARTED);
        } finally {
            com.acme.lib.StartGate.open = true;
        }
    }

    static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline < 0).as("condition met within %s", timeout).isTrue();
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
