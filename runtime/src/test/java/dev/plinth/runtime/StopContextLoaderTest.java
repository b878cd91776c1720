package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Plugin.start} and {@code Plugin.stop} both run with the plugin's loader as the context class loader. */
class StopContextLoaderTest {
    private static final String SEEN = "plinth.test.lifecycle.tccl";
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(SEEN);
    }

    @Test
    void stopSeesThePluginsLoaderAsTheContextClassLoaderAsStartDoes() throws Exception {
        Fixtures.filterPlugin("life", "F", "return in;")
                .source("com.acme.life.Life", "package com.acme.life;\n"
                        + "public class Life implements dev.plinth.api.Plugin {\n"
                        + "    private static void note(String step) {\n"
                        + "        boolean own = Thread.currentThread().getContextClassLoader()\n"
                        + "                == Life.class.getClassLoader();\n"
                        + "        System.setProperty(\"" + SEEN + "\", System.getProperty(\"" + SEEN + "\", \"\")\n"
                        + "                + step + \"=\" + own + \" \");\n"
                        + "    }\n"
                        + "    public void start(dev.plinth.api.PluginContext c) { note(\"start\"); }\n"
                        + "    public void stop() { note(\"stop\"); }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", "com.acme.life.Life")
                .writeTo(dir.resolve("plugins"));
        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).build()) {
            host.start();
            host.unload("life");
        }
        assertThat(System.getProperty(SEEN)).isEqualTo("start=true stop=true ");
    }
}
