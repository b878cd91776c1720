package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationTest {
    @TempDir
    Path dir;

    @Test
    void bundledApiCopyIsIgnoredAndReported() throws Exception {
        byte[] apiCopy = Files.readAllBytes(Fixtures.locationOf(Filter.class).resolve("com/acme/api/Filter.class"));
        Fixtures.filterPlugin("fat", "Upper", "return in.toUpperCase();")
                .entry("com/acme/api/Filter.class", apiCopy).writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            List<Filter> filters = host.extensions(Filter.class);
            assertThat(filters).hasSize(1);
            assertThat(filters.get(0).apply("abc")).isEqualTo("ABC");
            PluginInfo info = host.plugin("fat").orElseThrow();
            assertThat(info.state()).isEqualTo(PluginState.STARTED);
            assertThat(info.findings()).extracting(Finding::code, Finding::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.BUNDLED_HOST_API,
                            "fat.jar: bundles host API package com.acme.api (com.acme.api.Filter); the host's classes"
                                    + " are used instead"));
        }
    }

    @Test
    void sameClassNamesInTwoPluginsAreBothCallable() throws Exception {
        String source = "package com.acme.same;\npublic class Impl implements com.acme.api.Filter {\n"
                + "    public String apply(String in) { return in + \"-%s\"; }\n}\n";
        for (String id : List.of("one", "two")) {
            TestJar.named(id).plugin(id, "1.0.0").classpath(Fixtures.compileClasspath())
                    .source("com.acme.same.Impl", source.formatted(id))
                    .service(Fixtures.FILTER, "com.acme.same.Impl").writeTo(dir);
        }

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            assertThat(host.extensions(Filter.class)).extracting(f -> f.apply("x")).containsExactly("x-one", "x-two");
        }
    }

    @Test
    void pluginsOwnLibraryVersionWinsOverTheHosts() throws Exception {
        assertThat(com.acme.lib.Version.name()).isEqualTo("host");
        Fixtures.filterPlugin("lib", "UsesLib", "return com.acme.lib.Version.name();")
                .source("com.acme.lib.Version", "package com.acme.lib;\n"
                        + "public final class Version { public static String name() { return \"plugin\"; } }\n")
                .writeTo(dir);
        Fixtures.filterPlugin("nolib", "UsesHostLib", "return com.acme.lib.Version.name();").writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            assertThat(host.extensions(Filter.class)).extracting(f -> f.apply("")).containsExactly("plugin", "host");
        }
    }

    @Test
    void pluginClassLoaderIsNamedAfterThePlugin() throws Exception {
        Fixtures.filterPlugin("named", "Loader", "return getClass().getClassLoader().getName();").writeTo(dir);

        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            assertThat(host.extensions(Filter.class).get(0).apply("")).isEqualTo("plugin:named@1.0.0");
            assertThat(host.plugin("named").orElseThrow().loaderName()).isEqualTo("plugin:named@1.0.0");
        }
    }

    @Test
    void contextClassLoaderIsThePluginsDuringACallAndRestoredAfter() throws Exception {
        Fixtures.filterPlugin("tccl", "Tccl", "ClassLoader l = Thread.currentThread().getContextClassLoader();"
                + " return l == getClass().getClassLoader() ? \"plugin loader\" : String.valueOf(l);").writeTo(dir);
        ClassLoader before = new java.net.URLClassLoader(new java.net.URL[0], null);
        Thread.currentThread().setContextClassLoader(before);
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();

            assertThat(host.extensions(Filter.class).get(0).apply("")).isEqualTo("plugin loader");
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        } finally {
            Thread.currentThread().setContextClassLoader(Fixtures.class.getClassLoader());
        }
    }

    @Test
    void contextClassLoaderIsRestoredWhenTheCallThrows() throws Exception {
        Fixtures.filterPlugin("thrower", "Thrower", "throw new IllegalStateException(\"boom: \" + in);").writeTo(dir);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (PluginHost host = Fixtures.host(dir).build()) {
            host.start();
            Filter filter = host.extensions(Filter.class).get(0);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter.apply("x"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("boom: x");
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        }
    }
}
