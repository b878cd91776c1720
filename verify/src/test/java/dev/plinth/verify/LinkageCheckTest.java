package dev.plinth.verify;

import static dev.plinth.verify.Fixtures.FILTER_V1;
import static dev.plinth.verify.Fixtures.REQUEST_V1;
import static dev.plinth.verify.Fixtures.REQUEST_V2;
import static dev.plinth.verify.Fixtures.api;
import static dev.plinth.verify.Fixtures.host;
import static dev.plinth.verify.Fixtures.only;
import static dev.plinth.verify.Fixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkageCheckTest {
    private static final String UPPER_CALLING_HEADER = "package com.acme; import com.acme.api.*;"
            + " public class Upper implements Filter {"
            + " public String apply(Request r) { return r.header(\"x\").toUpperCase(); } }";
    private static final String UPPER_USING_BODY = "package com.acme; import com.acme.api.*;"
            + " public class Upper implements Filter {"
            + " public String apply(Request r) { return r.body().toUpperCase(); } }";

    @TempDir
    Path dir;

    private List<Finding> linkage(List<Finding> findings) {
        return findings.stream().filter(f -> f.code() == FindingCode.API_MISMATCH
                || f.code() == FindingCode.UNRESOLVED_REFERENCE).toList();
    }

    @Test
    void callToMemberMissingFromHostApiIsReportedAsApiMismatch() throws Exception {
        Path old = api(dir.resolve("v1"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter", FILTER_V1);
        Path newer = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V2, "com.acme.api.Filter", FILTER_V1);
        Path jar = TestJar.named("upper").plugin("upper", "1.0").classpath(newer)
                .source("com.acme.Upper", UPPER_CALLING_HEADER).writeTo(dir);

        List<Finding> findings = only(verify(host(old), jar), FindingCode.API_MISMATCH);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("com.acme.Upper.apply(com.acme.api.Request): calls"
                    + " com.acme.api.Request.header(String) which the host API does not have");
            assertThat(f.fix()).isEqualTo("rebuild the plugin against the host's API version, or stop using"
                    + " com.acme.api.Request.header(String)");
            assertThat(f.location().type()).isEqualTo("com.acme.Upper");
            assertThat(f.location().member()).isEqualTo("apply(Lcom/acme/api/Request;)Ljava/lang/String;");
        });
    }

    @Test
    void pluginBuiltAgainstNewerApiUsingOnlyOldMembersHasNoFinding() throws Exception {
        Path old = api(dir.resolve("v1"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter", FILTER_V1);
        Path newer = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V2, "com.acme.api.Filter", FILTER_V1);
        Path jar = TestJar.named("upper").plugin("upper", "1.0").classpath(newer)
                .source("com.acme.Upper", UPPER_USING_BODY).writeTo(dir);

        assertThat(verify(host(old), jar)).isEmpty();
    }

    @Test
    void bundledNewerApiCopyDoesNotHideAMismatchBecauseSharedClassesComeFromTheHost() throws Exception {
        Path old = api(dir.resolve("v1"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter", FILTER_V1);
        Path jar = TestJar.named("upper").plugin("upper", "1.0")
                .source("com.acme.api.Request", REQUEST_V2).source("com.acme.api.Filter", FILTER_V1)
                .source("com.acme.Upper", UPPER_CALLING_HEADER).writeTo(dir);

        List<Finding> findings = verify(host(old), jar);

        assertThat(only(findings, FindingCode.API_MISMATCH)).extracting(Finding::message).containsExactly(
                "com.acme.Upper.apply(com.acme.api.Request): calls com.acme.api.Request.header(String) which the"
                        + " host API does not have");
        assertThat(only(findings, FindingCode.BUNDLED_HOST_API)).hasSize(1);
    }

    @Test
    void missingSharedClassIsApiMismatchAndMissingLibraryClassIsUnresolvedReference() throws Exception {
        Path old = api(dir.resolve("v1"), "com.acme.api.Request", REQUEST_V1);
        Path newer = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter", FILTER_V1);
        Path lib = api(dir.resolve("lib"), "org.lib.Strings",
                "package org.lib; public class Strings { public static String up(String s) { return s; } }");
        Path jar = TestJar.named("upper").plugin("upper", "1.0").classpath(newer, lib)
                .source("com.acme.Upper", "package com.acme; import com.acme.api.*;"
                        + " public class Upper implements Filter {"
                        + " public String apply(Request r) { return org.lib.Strings.up(r.body()); } }")
                .writeTo(dir);

        assertThat(linkage(verify(host(old), jar))).extracting(Finding::code, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingCode.API_MISMATCH,
                        "com.acme.Upper: implements com.acme.api.Filter which the host API does not have"),
                org.assertj.core.groups.Tuple.tuple(FindingCode.UNRESOLVED_REFERENCE,
                        "com.acme.Upper.apply(com.acme.api.Request): calls org.lib.Strings.up(String), but neither"
                                + " the plugin nor the host has org.lib.Strings"));
    }

    @Test
    void referenceGuardedByAHandlerThatCarriesOnIsOnlyANote() throws Exception {
        Path lib = api(dir.resolve("lib"), "org.lib.Fast",
                "package org.lib; public class Fast { public static int go() { return 1; } }");
        Path jar = TestJar.named("opt").plugin("opt", "1.0").classpath(lib)
                .source("com.acme.Opt", "package com.acme; public class Opt { public static int speed() {"
                        + " try { return org.lib.Fast.go(); } catch (NoClassDefFoundError e) { return 0; } } }")
                .writeTo(dir);

        assertThat(linkage(verify(host(), jar))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.code()).isEqualTo(FindingCode.UNRESOLVED_REFERENCE);
            assertThat(f.message()).isEqualTo("org.lib: not found (Fast), referenced only under handlers that"
                    + " catch LinkageError and carry on (com.acme.Opt.speed())");
        });
    }

    @Test
    void handlersThatRethrowAreNoGuard() throws Exception {
        Path lib = api(dir.resolve("lib"), "org.lib.Fast",
                "package org.lib; public class Fast { public static int go() { return 1; } }");
        Path jar = TestJar.named("opt").plugin("opt", "1.0").classpath(lib)
                .source("com.acme.Opt", "package com.acme; public class Opt {"
                        + " public static int wrap() { try { return org.lib.Fast.go(); }"
                        + "   catch (Throwable t) { throw new IllegalStateException(t); } }"
                        + " public static int closing(java.io.Closeable c) throws Exception {"
                        + "   try (c) { return org.lib.Fast.go() + 1; } } }")
                .writeTo(dir);

        assertThat(linkage(verify(host(), jar))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("com.acme.Opt.wrap(): calls org.lib.Fast.go(), but neither the plugin"
                    + " nor the host has org.lib.Fast; also from com.acme.Opt.closing(java.io.Closeable)");
        });
    }

    @Test
    void methodThatBecameStaticInTheHostIsAnIncompatibleChange() throws Exception {
        Path old = api(dir.resolve("v1"), "com.acme.api.Request",
                "package com.acme.api; public class Request { public static String body() { return \"\"; } }");
        Path newer = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V1);
        Path jar = TestJar.named("upper").plugin("upper", "1.0").classpath(newer)
                .source("com.acme.Upper", "package com.acme; public class Upper {"
                        + " public String run(com.acme.api.Request r) { return r.body(); } }").writeTo(dir);

        assertThat(linkage(verify(host(old), jar))).extracting(Finding::message).containsExactly(
                "com.acme.Upper.run(com.acme.api.Request): calls com.acme.api.Request.body(), which is static, not"
                        + " an instance method; linking throws IncompatibleClassChangeError");
    }

    @Test
    void classThatBecameAnInterfaceIsAnIncompatibleChange() throws Exception {
        Path old = api(dir.resolve("v1"), "com.acme.api.Request",
                "package com.acme.api; public interface Request { String body(); }");
        Path newer = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V1);
        Path jar = TestJar.named("upper").plugin("upper", "1.0").classpath(newer)
                .source("com.acme.Upper", "package com.acme; public class Upper {"
                        + " public String run(com.acme.api.Request r) { return r.body(); } }").writeTo(dir);

        assertThat(linkage(verify(host(old), jar))).extracting(Finding::message).containsExactly(
                "com.acme.Upper.run(com.acme.api.Request): calls com.acme.api.Request.body(), but"
                        + " com.acme.api.Request is an interface, not a class; linking throws"
                        + " IncompatibleClassChangeError");
    }

    @Test
    void memberThatBecamePackagePrivateInAHostLibraryIsAnIllegalAccess() throws Exception {
        Path old = api(dir.resolve("v1"), "org.lib.Util",
                "package org.lib; public class Util { static int size() { return 1; } }");
        Path newer = api(dir.resolve("v2"), "org.lib.Util",
                "package org.lib; public class Util { public static int size() { return 1; } }");
        Path jar = TestJar.named("user").plugin("user", "1.0").classpath(newer)
                .source("com.acme.User", "package com.acme; public class User {"
                        + " public int n() { return org.lib.Util.size(); } }").writeTo(dir);

        assertThat(linkage(verify(host(old), jar))).extracting(Finding::code, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingCode.UNRESOLVED_REFERENCE,
                        "com.acme.User.n(): calls org.lib.Util.size(), which is package-private; linking throws"
                                + " IllegalAccessError"));
    }

    @Test
    void modernLanguageFeaturesAndSignaturePolymorphicCallsResolveCleanly() throws Exception {
        Path jar = TestJar.named("modern").plugin("modern", "1.0")
                .source("com.acme.Modern", "package com.acme;"
                        + " import java.lang.invoke.*; import java.util.*; import java.util.function.*;"
                        + " public class Modern {"
                        + " record Point(int x, int y) { }"
                        + " enum Color { RED, GREEN }"
                        + " sealed interface Shape permits Sq { } record Sq(int s) implements Shape { }"
                        + " private int secret = 3; class Inner { int peek() { return secret; } }"
                        + " static final VarHandle SECRET; static { try { SECRET = MethodHandles.lookup()"
                        + "   .findVarHandle(Modern.class, \"secret\", int.class); }"
                        + "   catch (ReflectiveOperationException e) { throw new ExceptionInInitializerError(e); } }"
                        + " public Object run(String s) throws Throwable {"
                        + "   MethodHandle h = MethodHandles.lookup().findVirtual(String.class, \"length\","
                        + "       MethodType.methodType(int.class));"
                        + "   int n = (int) h.invokeExact(s); int v = (int) SECRET.get(this);"
                        + "   Supplier<Point> p = () -> new Point(n, v); Function<String, Integer> f = String::length;"
                        + "   Object o = p.get(); String d = switch (Color.valueOf(s)) { case RED -> \"r\";"
                        + "     case GREEN -> \"g\"; };"
                        + "   int[][] grid = new int[n][v]; Object c = grid.clone();"
                        + "   if (o instanceof Point pt) { return d + pt.x() + pt.y() + f.apply(s) + c; }"
                        + "   return new Inner().peek() + List.of(1).hashCode() + \"\" + new Sq(1).hashCode(); } }")
                .writeTo(dir);

        assertThat(linkage(verify(host(), jar))).isEmpty();
    }

    @Test
    void unparseableClassFilesAreCountedNotSkippedSilently() throws Exception {
        byte[] garbage = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9};
        Path jar = TestJar.named("broken").plugin("broken", "1.0").entry("com/acme/Broken.class", garbage)
                .writeTo(dir);

        assertThat(linkage(verify(host(), jar))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).startsWith("broken.jar: 1 class file not checked for linkage"
                    + " (com/acme/Broken.class: ");
        });
    }
}
