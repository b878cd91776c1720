package dev.plinth.verify;

import static dev.plinth.verify.Fixtures.api;
import static dev.plinth.verify.Fixtures.host;
import static dev.plinth.verify.Fixtures.only;
import static dev.plinth.verify.Fixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** duplicate-plugin-id across archives, and duplicate-class between a plugin and its host. */
class DuplicatesTest {
    private static final String UTIL = "package org.same; public class Util { public static int one() { return 1; } }";

    @TempDir
    Path dir;

    @Test
    void twoJarsDeclaringOnePluginIdAreBothErrorsNamingBothPaths() throws Exception {
        PluginArchive a = PluginArchive.read(TestJar.named("upper-1").plugin("upper", "1.0").writeTo(dir));
        PluginArchive b = PluginArchive.read(TestJar.named("upper-2").plugin("upper", "2.0").writeTo(dir));
        PluginArchive c = PluginArchive.read(TestJar.named("lower").plugin("lower", "1.0").writeTo(dir));

        List<Finding> findings = Verifier.crossCheck(List.of(b, c, a));

        String message = "upper: plugin id declared by " + a.path() + " and " + b.path();
        assertThat(findings).extracting(Finding::code, Finding::severity, Finding::message, f -> f.location().file())
                .containsExactly(tuple(FindingCode.DUPLICATE_PLUGIN_ID, Severity.ERROR, message, a.path()),
                        tuple(FindingCode.DUPLICATE_PLUGIN_ID, Severity.ERROR, message, b.path()));
        assertThat(findings.get(0).fix()).isEqualTo("give each jar its own Plugin-Id, or remove all but one of them");
    }

    @Test
    void distinctPluginIdsWithTheSameClassNamesAreNoFinding() throws Exception {
        String source = "package com.acme; public class Upper { }";
        PluginArchive a = PluginArchive.read(TestJar.named("a").plugin("a", "1.0").source("com.acme.Upper", source)
                .writeTo(dir));
        PluginArchive b = PluginArchive.read(TestJar.named("b").plugin("b", "1.0").source("com.acme.Upper", source)
                .writeTo(dir));

        assertThat(Verifier.crossCheck(List.of(a, b))).isEmpty();
    }

    @Test
    void classesShadowingHostLibrariesAreInfoPerPackageSayingWhetherBytesDiffer() throws Exception {
        Path lib = api(dir.resolve("lib"), "org.same.Util", UTIL, "org.diff.Codec",
                "package org.diff; public class Codec { public int version() { return 1; } }");
        Path jar = TestJar.named("shadow").plugin("shadow", "1.0").source("org.same.Util", UTIL)
                .source("org.diff.Codec", "package org.diff; public class Codec { public int version() { return 2; } }")
                .source("org.diff.Extra", "package org.diff; public class Extra { }")
                .writeTo(dir);

        List<Finding> findings = only(verify(host(lib), jar), FindingCode.DUPLICATE_CLASS);

        assertThat(findings).extracting(Finding::severity, Finding::message).containsExactly(
                tuple(Severity.INFO, "org.diff: 1 class also on the host class path, 1 with different bytes"
                        + " (org.diff.Codec); the plugin's copies are used (plugin-first), so two versions are live"),
                tuple(Severity.INFO, "org.same: 1 class also on the host class path with identical bytes"
                        + " (org.same.Util); the plugin's copies are used (plugin-first)"));
    }

    @Test
    void classesInJavaPackagesOrCopiedFromTheJdkAreReported() throws Exception {
        byte[] bytes = TestJar.named("x").source("com.acme.X", "package com.acme; public class X { }").compile()
                .get("com/acme/X.class");
        Path jar = TestJar.named("evil").plugin("evil", "1.0").entry("java/evil/Boot.class", bytes)
                .entry("javax/annotation/processing/Processor.class", bytes).writeTo(dir);

        assertThat(only(verify(host(), jar), FindingCode.DUPLICATE_CLASS))
                .extracting(Finding::severity, Finding::message).containsExactly(
                        tuple(Severity.ERROR, "java.evil: 1 class in a java.* package (java.evil.Boot); defining it"
                                + " throws SecurityException"),
                        tuple(Severity.WARNING, "javax.annotation.processing: 1 class also in the JDK"
                                + " (javax.annotation.processing.Processor); the JDK's copies are used and the"
                                + " plugin's are ignored"));
    }

    @Test
    void pluginWithOnlyItsOwnClassesHasNoDuplicateClassFinding() throws Exception {
        Path lib = api(dir.resolve("lib"), "org.same.Util", UTIL);
        Path jar = TestJar.named("own").plugin("own", "1.0").classpath(lib)
                .source("com.acme.Own", "package com.acme; public class Own { int n = org.same.Util.one(); }")
                .writeTo(dir);

        assertThat(verify(host(lib), jar)).isEmpty();
    }
}
