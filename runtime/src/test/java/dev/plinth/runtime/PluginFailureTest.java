package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.lib.Probe;
import dev.plinth.testjars.TestJar;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFailureTest {
    /** Allocates 200 MB in a static field, then fails in start() with an exception type of its own. */
    private static final String HOG = "package com.acme.hog;\n"
            + "public class Hog implements dev.plinth.api.Plugin {\n"
            + "    static byte[] hoard;\n"
            + "    public void start(dev.plinth.api.PluginContext c) {\n"
            + "        com.acme.lib.Probe.loader = new java.lang.ref.WeakReference<>(Hog.class.getClassLoader());\n"
            + "        hoard = new byte[200 * 1024 * 1024];\n"
            + "        throw new HogFailure(\"database unreachable\", new java.io.IOException(\"connection reset\"));\n"
            + "    }\n"
            + "}\n";
    private static final String HOG_FAILURE = "package com.acme.hog;\n"
            + "public class HogFailure extends IllegalStateException {\n"
            + "    public HogFailure(String message, Throwable cause) { super(message, cause); }\n"
            + "}\n";

    @TempDir
    Path dir;

    @Test
    void failedPluginsLoaderIsCollectedWithTheMemoryItHeldWhileTheHostKeepsItsFailure() throws Exception {
        hog().writeTo(dir);
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();
            PluginInfo info = host.plugin("hog").orElseThrow();
            assertThat(info.state()).isEqualTo(PluginState.FAILED);
            WeakReference<ClassLoader> loader = Probe.loader;
            Probe.loader = null;

            assertThat(awaitCollected(loader)).as("the failed plugin's class loader was collected").isTrue();
            assertThat(host.plugin("hog").orElseThrow().failureCause()).get()
                    .hasToString("com.acme.hog.HogFailure: database unreachable");
        }
    }

    @Test
    void storedFailureKeepsClassNamesMessagesAndStacksAsText() throws Exception {
        hog().writeTo(dir);
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();
            Probe.loader = null;

            Throwable failure = host.plugin("hog").orElseThrow().failureCause().orElseThrow();

            assertThat(failure).isInstanceOf(PluginFailure.class).hasMessage("database unreachable")
                    .hasToString("com.acme.hog.HogFailure: database unreachable");
            PluginFailure copy = (PluginFailure) failure;
            assertThat(copy.pluginId()).isEqualTo("hog");
            assertThat(copy.originalClassName()).isEqualTo("com.acme.hog.HogFailure");
            assertThat(copy.wasInstanceOf(IllegalStateException.class)).isTrue();
            assertThat(copy.wasInstanceOf(java.io.IOException.class)).isFalse();
            assertThat(copy.getStackTrace()[0]).hasToString("plugin:hog@1.0.0//com.acme.hog.Hog.start(Hog.java:7)");
            assertThat(copy.getCause()).isInstanceOf(PluginFailure.class)
                    .hasToString("java.io.IOException: connection reset");
            assertThat(((PluginFailure) copy.getCause()).wasInstanceOf(java.io.IOException.class)).isTrue();
            assertThat(copy.getCause().getStackTrace()[0].getClassName()).isEqualTo("com.acme.hog.Hog");
        }
    }

    private static TestJar hog() {
        return TestJar.named("hog").plugin("hog", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.hog.Hog", HOG).source("com.acme.hog.HogFailure", HOG_FAILURE)
                .service("dev.plinth.api.Plugin", "com.acme.hog.Hog");
    }

    /** Polls GC until {@code ref} clears or 20 s pass. */
    private static boolean awaitCollected(WeakReference<?> ref) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ref.get() != null && System.nanoTime() - deadline < 0) {
            System.gc();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return ref.get() == null;
    }
}
