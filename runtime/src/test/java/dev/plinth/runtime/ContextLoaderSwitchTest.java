package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import dev.plinth.runtime.internal.HandleBase;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.ContextLoaderSwitch;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls into a plugin proven never to consult the thread context class loader leave it as the caller has it; calls
 * into any other plugin install the plugin's loader for the call and restore the caller's after it.
 */
class ContextLoaderSwitchTest {
    private static final String PROBE = "plinth.test.tccl.probe";
    private static final String OWN = "Thread.currentThread().getContextClassLoader() == getClass().getClassLoader()"
            + " ? \"own\" : \"other\"";

    @TempDir
    Path dir;
    private final URLClassLoader marker = new URLClassLoader("marker", new URL[0], null);

    @AfterEach
    void clear() throws Exception {
        System.getProperties().remove(PROBE);
        marker.close();
    }

    /** What {@code toString} saw: a host object that plugin code reaches through {@code Object.toString()}. */
    static final class Probe {
        volatile ClassLoader seen;

        @Override
        public String toString() {
            seen = Thread.currentThread().getContextClassLoader();
            return "probed";
        }
    }

    private Path plugins() {
        return dir.resolve("plugins");
    }

    private static ClassLoader loaderOfCalls(Object handle) {
        return ((HandleBase) handle).plinthSlot().current().loader;
    }

    /** Runs {@code call} with {@code loader} as the context class loader; checks the caller's is restored. */
    private static <T> T callWith(ClassLoader loader, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            T result = call.call();
            assertThat(thread.getContextClassLoader()).as("context class loader after the call").isSameAs(loader);
            return result;
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void aProvenPluginIsCalledUnderTheCallersContextClassLoader() throws Exception {
        Fixtures.filterPlugin("plain", "Plain", "return in.toUpperCase() + String.valueOf(System.getProperties()"
                + ".get(\"" + PROBE + "\"));").writeTo(plugins());
        Probe probe = new Probe();
        System.getProperties().put(PROBE, probe);
        try (PluginHost host = Fixtures.host(plugins()).skipContextLoaderSwitchWhenProven().build()) {
            host.start();
            Filter filter = host.extensions(Filter.class).get(0);

            assertThat(callWith(marker, () -> filter.apply("x"))).isEqualTo("Xprobed");

            assertThat(probe.seen).isSameAs(marker);
            assertThat(loaderOfCalls(filter)).isNull();
            assertThat(host.plugin("plain").orElseThrow().contextLoaderSwitch()).isEqualTo(
                    ContextLoaderSwitch.notNeeded());
            assertThat(callWith(marker, filter::toString)).startsWith("com.acme.plain.Plain@");
        }
    }

    @Test
    void aPluginThatReadsItSeesItsOwnLoaderWhateverTheCallerHas() throws Exception {
        Fixtures.filterPlugin("reader", "Reader", "return " + OWN + ";").writeTo(plugins());
        try (PluginHost host = Fixtures.host(plugins()).skipContextLoaderSwitchWhenProven().build()) {
            host.start();
            Filter filter = host.extensions(Filter.class).get(0);
            ClassLoader pluginLoader = loaderOfCalls(filter);

            assertThat(callWith(marker, () -> filter.apply("x"))).isEqualTo("own");
            assertThat(callWith(pluginLoader, () -> filter.apply("x"))).isEqualTo("own");
            assertThat(pluginLoader.getName()).isEqualTo("plugin:reader@1.0.0");
            assertThat(host.plugin("reader").orElseThrow().contextLoaderSwitch()).isEqualTo(ContextLoaderSwitch
                    .needed("com.acme.reader.Reader.apply(String): calls Thread.getContextClassLoader(), which reads"
                            + " the thread context class loader"));
        }
    }

    @Test
    void aCallerWhoseContextClassLoaderIsThePluginsGetsItBackEvenWhenThePluginChangesIt() throws Exception {
        Fixtures.filterPlugin("changer", "Changer", "Thread.currentThread().setContextClassLoader(null);"
                + " if (in.equals(\"throw\")) { throw new IllegalStateException(\"thrown\"); } return \"changed\";")
                .writeTo(plugins());
        try (PluginHost host = Fixtures.host(plugins()).skipContextLoaderSwitchWhenProven().build()) {
            host.start();
            Filter filter = host.extensions(Filter.class).get(0);
            ClassLoader pluginLoader = loaderOfCalls(filter);

            assertThat(callWith(pluginLoader, () -> filter.apply("x"))).isEqualTo("changed");
            assertThat(callWith(marker, () -> filter.apply("x"))).isEqualTo("changed");
            for (ClassLoader caller : new ClassLoader[] {pluginLoader, marker}) {
                assertThat(callWith(caller, () -> {
                    try {
                        return filter.apply("throw");
                    } catch (IllegalStateException e) {
                        return e.getMessage();
                    }
                })).isEqualTo("thrown");
            }
        }
    }

    @Test
    void aPluginLoadingItsOwnServicesKeepsTheSwitchAndFindsThem() throws Exception {
        TestJar.named("codecs").plugin("codecs", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.codecs.Codec", "package com.acme.codecs; public interface Codec { String name(); }")
                .source("com.acme.codecs.Gzip", "package com.acme.codecs; public class Gzip implements Codec {"
                        + " public String name() { return \"gzip\"; } }")
                .source("com.acme.codecs.Codecs", "package com.acme.codecs; public class Codecs implements"
                        + " com.acme.api.Filter { public String apply(String in) { return java.util.ServiceLoader"
                        + ".load(Codec.class).findFirst().map(Codec::name).orElse(\"none\"); } }")
                .service("com.acme.codecs.Codec", "com.acme.codecs.Gzip")
                .service(Fixtures.FILTER, "com.acme.codecs.Codecs").writeTo(plugins());
        try (PluginHost host = Fixtures.host(plugins()).skipContextLoaderSwitchWhenProven().build()) {
            host.start();
            Filter filter = host.extensions(Filter.class).get(0);

            assertThat(callWith(marker, () -> filter.apply("x"))).isEqualTo("gzip");
            assertThat(host.plugin("codecs").orElseThrow().contextLoaderSwitch().reason()).isEqualTo(
                    "com.acme.codecs.Codecs.apply(String): calls java.util.ServiceLoader.load(Class), which reads the"
                            + " thread context class loader");
        }
    }

    @Test
    void aPluginWhoseBundledLibraryReadsItKeepsTheSwitch() throws Exception {
        Path library = TestJar.named("tinylib").source("org.vendor.Loaders", "package org.vendor;"
                + " public final class Loaders { public static boolean own(Class<?> c) {"
                + " return Thread.currentThread().getContextClassLoader() == c.getClassLoader(); } }")
                .writeTo(dir.resolve("libs"));
        Fixtures.filterPlugin("bundler", "Bundler", "return org.vendor.Loaders.own(getClass()) ? \"own\" : \"other\";")
                .classpath(library).entry("lib/tinylib.jar", Files.readAllBytes(library)).writeTo(plugins());
        try (PluginHost host = Fixtures.host(plugins()).skipContextLoaderSwitchWhenProven().build()) {
            host.start();
            Filter filter = host.extensions(Filter.class).get(0);

            assertThat(callWith(marker, () -> filter.apply("x"))).isEqualTo("own");
            assertThat(host.plugin("bundler").orElseThrow().contextLoaderSwitch().reason()).isEqualTo(
                    "org.vendor.Loaders.own(Class): calls Thread.getContextClassLoader(), which reads the thread"
                            + " context class loader");
        }
    }

    @Test
    void withVerificationOffEveryCallSwitches() throws Exception {
        Fixtures.filterPlugin("plain", "Plain", "return in;").writeTo(plugins());
        try (PluginHost host = Fixtures.host(plugins()).verification(false).build()) {
            host.start();
            Filter filter = host.extensions(Filter.class).get(0);

            assertThat(loaderOfCalls(filter).getName()).isEqualTo("plugin:plain@1.0.0");
            assertThat(host.plugin("plain").orElseThrow().contextLoaderSwitch()).isEqualTo(
                    ContextLoaderSwitch.needed("verification is off"));
        }
    }

    @Test
    void byDefaultAHostSwitchesItAlsoForProvenPlugins() throws Exception {
        Fixtures.filterPlugin("plain", "Plain", "return in;").writeTo(plugins());
        try (PluginHost host = Fixtures.host(plugins()).build()) {
            host.start();
            Filter filter = host.extensions(Filter.class).get(0);

            assertThat(loaderOfCalls(filter).getName()).isEqualTo("plugin:plain@1.0.0");
            assertThat(host.plugin("plain").orElseThrow().contextLoaderSwitch()).isEqualTo(
                    ContextLoaderSwitch.needed("proven not to consult it, but the host switches it on every call"
                            + " (PluginHostBuilder.skipContextLoaderSwitchWhenProven is off)"));
        }
    }

    @Test
    void aWarmStartFromTheVerificationCacheKeepsTheJudgement() throws Exception {
        Fixtures.filterPlugin("plain", "Plain", "return in;").writeTo(plugins());
        Fixtures.filterPlugin("reader", "Reader", "return " + OWN + ";").writeTo(plugins());
        PluginHostBuilder builder = Fixtures.host(plugins()).skipContextLoaderSwitchWhenProven()
                .verificationCache(dir.resolve("cache"));
        VerificationCacheTest.Run cold = VerificationCacheTest.run(builder);
        HostConfig warm = builder.config();
        try (PluginHost host = new PluginHost(warm)) {
            host.start();

            assertThat(cold.verified()).isEqualTo(2);
            assertThat(warm.verificationCache().reused()).isEqualTo(2);
            assertThat(host.plugin("plain").orElseThrow().contextLoaderSwitch().needed()).isFalse();
            assertThat(host.plugin("reader").orElseThrow().contextLoaderSwitch().needed()).isTrue();
            assertThat(host.extensions(Filter.class, "plain").get(0)).satisfies(f -> assertThat(loaderOfCalls(f))
                    .isNull());
            assertThat(callWith(marker, () -> host.extensions(Filter.class, "reader").get(0).apply("x")))
                    .isEqualTo("own");
        }
    }
}
