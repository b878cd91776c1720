package dev.plinth.verify;

import static dev.plinth.verify.Fixtures.FILTER_V1;
import static dev.plinth.verify.Fixtures.REQUEST_V1;
import static dev.plinth.verify.Fixtures.api;
import static dev.plinth.verify.Fixtures.host;
import static dev.plinth.verify.Fixtures.only;
import static dev.plinth.verify.Fixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plinth.testjars.TestJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Severities follow what the plugin's entry points reach: a plugin whose extension is {@code com.acme.Upper}
 * bundles a library in {@code org.vendor}, compiled against {@code Lib} v2 but shipped with {@code Lib} v1, which
 * lacks {@code newer()}.
 */
class ReachabilityTest {
    private static final String LIB_V1 = "package org.vendor; public class Lib {"
            + " public static String old() { return \"o\"; } }";
    private static final String LIB_V2 = "package org.vendor; public class Lib {"
            + " public static String old() { return \"o\"; } public static String newer() { return \"n\"; } }";
    private static final String MISSING = "calls org.vendor.Lib.newer() which org.vendor.Lib (in the plugin) does"
            + " not have";

    @TempDir
    Path dir;
    private HostApi host;
    private Path compiledAgainst;
    private byte[] shippedLib;

    @BeforeEach
    void apiAndLibrary() throws Exception {
        host = host(api(dir.resolve("api"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter", FILTER_V1));
        compiledAgainst = api(dir.resolve("v2"), "org.vendor.Lib", LIB_V2);
        shippedLib = Files.readAllBytes(api(dir.resolve("v1"), "org.vendor.Lib", LIB_V1)
                .resolve("org/vendor/Lib.class"));
    }

    /** A plugin whose {@code Upper.apply} body is {@code body}, with extra classes, bundling {@code Lib} v1. */
    private List<Finding> plugin(String body, String... classesAndSources) throws Exception {
        TestJar jar = TestJar.named("upper").plugin("upper", "1.0")
                .classpath(dir.resolve("api"), compiledAgainst)
                .source("com.acme.Upper", "package com.acme; import com.acme.api.*; import org.vendor.*;"
                        + " public class Upper implements Filter { public String apply(Request r) { " + body + " } }")
                .service("com.acme.api.Filter", "com.acme.Upper")
                .entry("org/vendor/Lib.class", shippedLib);
        for (int i = 0; i < classesAndSources.length; i += 2) {
            jar.source(classesAndSources[i], classesAndSources[i + 1]);
        }
        return verify(host, jar.writeTo(dir));
    }

    private static List<Finding> linkage(List<Finding> findings) {
        return findings.stream().filter(f -> f.code() == FindingCode.UNRESOLVED_REFERENCE
                || f.code() == FindingCode.API_MISMATCH).toList();
    }

    @Test
    void missingMemberReachedFromTheExtensionIsAnErrorWithThePath() throws Exception {
        List<Finding> findings = plugin("return Util.run();", "org.vendor.Util",
                "package org.vendor; public class Util { public static String run() { return Lib.newer(); } }");

        assertThat(linkage(findings)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("org.vendor.Util.run(): " + MISSING
                    + "; reached from com.acme.Upper.apply(com.acme.api.Request)");
            assertThat(f.fix()).isEqualTo("bundle the version of the library with org.vendor.Lib that the plugin"
                    + " was compiled against");
        });
    }

    @Test
    void missingMemberNoEntryPointReachesIsANote() throws Exception {
        List<Finding> findings = plugin("return Lib.old();", "org.vendor.Util",
                "package org.vendor; public class Util { public static String run() { return Lib.newer(); } }");

        assertThat(linkage(findings)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).isEqualTo("org.vendor.Lib: member missing or incompatible (newer()),"
                    + " referenced only from code no entry point reaches (org.vendor.Util)");
        });
    }

    @Test
    void absentPackageReachedFromBundledCodeIsAWarningButFromTheExtensionAnError() throws Exception {
        Path optional = api(dir.resolve("optional"), "org.optional.Feature",
                "package org.optional; public class Feature { public static String on() { return \"f\"; } }");
        TestJar jar = TestJar.named("upper").plugin("upper", "1.0")
                .classpath(dir.resolve("api"), compiledAgainst, optional)
                .source("com.acme.Upper", "package com.acme; import com.acme.api.*;"
                        + " public class Upper implements Filter { public String apply(Request r) {"
                        + " return org.vendor.Probe.feature() + org.optional.Feature.on(); } }")
                .source("org.vendor.Probe", "package org.vendor; public class Probe { public static String feature()"
                        + " { try { Class.forName(\"org.optional.Feature\"); } catch (Exception e) { return \"\"; }"
                        + " return org.optional.Feature.on(); } }")
                .service("com.acme.api.Filter", "com.acme.Upper");

        assertThat(linkage(verify(host, jar.writeTo(dir)))).extracting(Finding::severity, Finding::message)
                .containsExactly(
                        tuple(Severity.ERROR, "com.acme.Upper.apply(com.acme.api.Request): calls"
                                + " org.optional.Feature.on(), but neither the plugin nor the host has"
                                + " org.optional.Feature"),
                        tuple(Severity.WARNING, "org.optional: no such package in the plugin or on the host, yet"
                                + " reachable code of bundled libraries uses it (Feature from org.vendor.Probe);"
                                + " likely an optional dependency the library probes for"));
    }

    @Test
    void missingClassOfAPackageThatExistsIsASkewAndAnError() throws Exception {
        Path newerLib = api(dir.resolve("v3"), "org.vendor.Lib", LIB_V2, "org.vendor.Extra",
                "package org.vendor; public class Extra { public static String more() { return \"m\"; } }");
        TestJar jar = TestJar.named("upper").plugin("upper", "1.0").classpath(dir.resolve("api"), newerLib)
                .source("com.acme.Upper", "package com.acme; import com.acme.api.*;"
                        + " public class Upper implements Filter { public String apply(Request r) {"
                        + " return org.vendor.Util.run(); } }")
                .source("org.vendor.Util", "package org.vendor; public class Util { public static String run() {"
                        + " return Extra.more(); } }")
                .service("com.acme.api.Filter", "com.acme.Upper").entry("org/vendor/Lib.class", shippedLib);

        assertThat(linkage(verify(host, jar.writeTo(dir)))).extracting(Finding::severity, Finding::message)
                .containsExactly(tuple(Severity.ERROR, "org.vendor.Util.run(): calls org.vendor.Extra.more(), but"
                        + " neither the plugin nor the host has org.vendor.Extra; reached from"
                        + " com.acme.Upper.apply(com.acme.api.Request)"));
    }

    @Test
    void virtualCallsReachOnlyTheOverridesOfInstantiatedClasses() throws Exception {
        List<Finding> findings = plugin("Shape s = new Circle(); return s.draw();",
                "org.vendor.Shape", "package org.vendor; public interface Shape { String draw(); }",
                "org.vendor.Circle", "package org.vendor; public class Circle implements Shape {"
                        + " public String draw() { return Lib.newer(); } }",
                "org.vendor.Square", "package org.vendor; public class Square implements Shape {"
                        + " public String draw() { return Lib.newer() + 4; } }");

        assertThat(linkage(findings)).extracting(Finding::severity, Finding::message).containsExactly(
                tuple(Severity.ERROR, "org.vendor.Circle.draw(): " + MISSING
                        + "; reached from com.acme.Upper.apply(com.acme.api.Request)"),
                tuple(Severity.INFO, "org.vendor.Lib: member missing or incompatible (newer()), referenced only"
                        + " from code no entry point reaches (org.vendor.Square)"));
    }

    @Test
    void lambdaBodiesStaticInitializersAndJdkCallbacksAreFollowed() throws Exception {
        List<Finding> findings = plugin("java.util.function.Supplier<String> s = () -> Config.NAME;"
                        + " return s.get() + String.valueOf(new Box());",
                "org.vendor.Config", "package org.vendor; public class Config {"
                        + " public static final String NAME = Lib.newer().trim(); }",
                "org.vendor.Box", "package org.vendor; public class Box {"
                        + " @Override public String toString() { return Lib.newer() + \"box\"; } }");

        assertThat(linkage(findings)).extracting(Finding::severity, Finding::message).containsExactly(
                tuple(Severity.ERROR, "org.vendor.Box.toString(): " + MISSING + "; also from"
                        + " org.vendor.Config.<clinit>; reached from com.acme.Upper.apply(com.acme.api.Request)"));
    }

    @Test
    void providersOfALibraryServiceAreReachedWhenReachableCodeNamesTheService() throws Exception {
        String codec = "package org.vendor; public interface Codec { String encode(String s); }";
        String gzip = "package org.vendor; public class Gzip implements Codec {"
                + " public String encode(String s) { return Lib.newer() + s; } }";
        List<Finding> loaded = linkage(verify(host, TestJar.named("upper").plugin("upper", "1.0")
                .classpath(dir.resolve("api"), compiledAgainst)
                .source("com.acme.Upper", "package com.acme; import com.acme.api.*; import org.vendor.*;"
                        + " public class Upper implements Filter { public String apply(Request r) {"
                        + " return java.util.ServiceLoader.load(Codec.class).iterator().next().encode(\"x\"); } }")
                .source("org.vendor.Codec", codec).source("org.vendor.Gzip", gzip)
                .service("com.acme.api.Filter", "com.acme.Upper").service("org.vendor.Codec", "org.vendor.Gzip")
                .entry("org/vendor/Lib.class", shippedLib).writeTo(dir)));

        assertThat(loaded).extracting(Finding::severity, Finding::message).containsExactly(tuple(Severity.ERROR,
                "org.vendor.Gzip.encode(String): " + MISSING + "; reached from"
                        + " com.acme.Upper.apply(com.acme.api.Request)"));
    }

    @Test
    void aJarWithoutEntryPointsIsCheckedWhole() throws Exception {
        Path jar = TestJar.named("lib").plugin("lib", "1.0").classpath(compiledAgainst)
                .source("org.vendor.Util", "package org.vendor; public class Util {"
                        + " static String run() { return Lib.newer(); } }")
                .entry("org/vendor/Lib.class", shippedLib).writeTo(dir);

        assertThat(linkage(verify(host, jar))).extracting(Finding::severity, Finding::message).containsExactly(
                tuple(Severity.ERROR, "org.vendor.Util.run(): " + MISSING));
    }

    @Test
    void systemExitIsAnErrorOnlyWhereAnEntryPointReachesIt() throws Exception {
        List<Finding> findings = plugin("return Exits.maybe(r.body());",
                "org.vendor.Exits", "package org.vendor; public class Exits {"
                        + " public static String maybe(String s) { if (s.isEmpty()) { System.exit(3); } return s; }"
                        + " public static void main(String[] args) { Runtime.getRuntime().halt(1); } }");

        assertThat(only(findings, FindingCode.SYSTEM_EXIT)).extracting(Finding::severity, Finding::message)
                .containsExactly(
                        tuple(Severity.ERROR, "org.vendor.Exits.maybe(String): calls System.exit(int), which ends"
                                + " the host JVM and every plugin in it; reached from"
                                + " com.acme.Upper.apply(com.acme.api.Request)"),
                        tuple(Severity.INFO, "upper.jar: 1 method that ends the JVM, none reached from an entry"
                                + " point (org.vendor.Exits.main(String[]))"));
    }

    @Test
    void threadAndStaticInitializerHintsIgnoreCodeNoEntryPointReaches() throws Exception {
        List<Finding> findings = plugin("return Lib.old();",
                "org.vendor.Pool", "package org.vendor; public class Pool {"
                        + " static final Thread T = new Thread(() -> { }); static { T.start(); }"
                        + " public static void go() { new Thread(() -> { }).start(); } }");

        assertThat(only(findings, FindingCode.THREAD_LEAK)).isEmpty();
        assertThat(only(findings, FindingCode.STATIC_INIT_IO)).isEmpty();
    }
}
