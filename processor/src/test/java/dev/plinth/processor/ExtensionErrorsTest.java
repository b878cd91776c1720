package dev.plinth.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each wrong {@code @Extension} fails the compilation with one error, at the class, saying what to change. */
class ExtensionErrorsTest {
    private static final String FILTER = ExtensionProcessorTest.FILTER;
    private static final String APPLY = " public String apply(String s) { return s; }";

    @TempDir
    Path out;

    @Test
    void notPublicIsAnErrorAtTheClassAndNothingIsWritten() {
        Diagnostic<? extends JavaFileObject> error = compileUpper("@Extension\nclass Upper implements Filter {"
                + APPLY + " }");

        assertThat(error.getMessage(null)).isEqualTo("@Extension com.acme.Upper: is not public; declare it public,"
                + " ServiceLoader instantiates only public classes");
        assertThat(error.getKind()).isEqualTo(Diagnostic.Kind.ERROR);
        assertThat(error.getSource().getName()).endsWith("com/acme/Upper.java");
        assertThat(error.getLineNumber()).isEqualTo(5);
        assertThat(out.resolve("META-INF/services/com.acme.api.Filter")).doesNotExist();
    }

    @Test
    void abstractClass() {
        assertThat(compileUpper("@Extension\npublic abstract class Upper implements Filter { }").getMessage(null))
                .isEqualTo("@Extension com.acme.Upper: is abstract; annotate a concrete subclass, or add a public"
                        + " static provider() method");
    }

    @Test
    void annotatedInterface() {
        assertThat(compileUpper("@Extension\npublic interface Upper extends Filter { }").getMessage(null))
                .isEqualTo("@Extension com.acme.Upper: is an interface; annotate the class that implements it");
    }

    @Test
    void innerClassIsReportedAtTheInnerClass() {
        Diagnostic<? extends JavaFileObject> error = compileUpper("public class Upper {\n"
                + "  @Extension\n  public class Inner implements Filter {" + APPLY + " } }");

        assertThat(error.getMessage(null)).isEqualTo("@Extension com.acme.Upper$Inner: is an inner class;"
                + " ServiceLoader has no enclosing instance to create it with: declare it static, or make it a"
                + " top-level class");
        assertThat(error.getLineNumber()).isEqualTo(6);
    }

    @Test
    void nestedInANonPublicClass() {
        assertThat(compileUpper("class Upper {\n @Extension\n public static class Nested implements Filter {"
                + APPLY + " } }").getMessage(null))
                .isEqualTo("@Extension com.acme.Upper$Nested: is nested in com.acme.Upper, which is not public;"
                        + " declare that class public too");
    }

    @Test
    void noPublicNoArgConstructor() {
        assertThat(compileUpper("@Extension\npublic class Upper implements Filter { public Upper(int mode) { }"
                + APPLY + " }").getMessage(null))
                .isEqualTo("@Extension com.acme.Upper: has no public no-arg constructor or public static provider()"
                        + " method; add one of them");
    }

    @Test
    void namedInterfaceNotImplemented() {
        assertThat(compileUpper("@Extension(Filter.class)\npublic class Upper implements Runnable {"
                + " public void run() { } }").getMessage(null))
                .isEqualTo("@Extension com.acme.Upper: does not implement com.acme.api.Filter, which @Extension"
                        + " names; implement it, or remove it from @Extension");
    }

    @Test
    void providerMethodReturningTheWrongType() {
        assertThat(compileUpper("@Extension(Filter.class)\npublic class Upper {"
                + " public static Runnable provider() { return () -> { }; } }").getMessage(null))
                .isEqualTo("@Extension com.acme.Upper: provider() returns java.lang.Runnable, which does not"
                        + " implement com.acme.api.Filter, which @Extension names; implement it, or remove it from"
                        + " @Extension");
    }

    @Test
    void namedClassIsNotAnInterface() {
        assertThat(compileUpper("@Extension(Object.class)\npublic class Upper { }").getMessage(null))
                .isEqualTo("@Extension com.acme.Upper: names java.lang.Object, which is not an interface; name the"
                        + " extension interface");
    }

    @Test
    void noInterfaceAtAll() {
        assertThat(compileUpper("@Extension\npublic class Upper implements Runnable { public void run() { } }")
                .getMessage(null))
                .isEqualTo("@Extension com.acme.Upper: implements no interface outside the JDK; implement the host's"
                        + " extension interface, or name it: @Extension(Filter.class)");
    }

    @Test
    void noInterfaceInTheApiPackages() {
        Javac.Result result = Javac.sources().source("com.acme.api.Filter", FILTER)
                .option("-Aplinth.apiPackages=com.acme.spi")
                .source("com.acme.Upper", source("@Extension\npublic class Upper implements Filter {" + APPLY + " }"))
                .into(out);

        assertThat(ExtensionProcessorTest.onlyError(result).getMessage(null))
                .isEqualTo("@Extension com.acme.Upper: implements no interface in -Aplinth.apiPackages=com.acme.spi;"
                        + " implement the host's extension interface, or name it: @Extension(Filter.class)");
    }

    @Test
    void everyProblemOfOneClassIsReported() {
        Javac.Result result = Javac.sources().source("com.acme.api.Filter", FILTER)
                .source("com.acme.Upper", source("@Extension\nabstract class Upper { }"))
                .into(out);

        assertThat(result.errorMessages()).containsExactly(
                "@Extension com.acme.Upper: is not public; declare it public, ServiceLoader instantiates only public"
                        + " classes",
                "@Extension com.acme.Upper: is abstract; annotate a concrete subclass, or add a public static"
                        + " provider() method",
                "@Extension com.acme.Upper: implements no interface outside the JDK; implement the host's extension"
                        + " interface, or name it: @Extension(Filter.class)");
    }

    private Diagnostic<? extends JavaFileObject> compileUpper(String body) {
        return ExtensionProcessorTest.onlyError(Javac.sources().source("com.acme.api.Filter", FILTER)
                .source("com.acme.Upper", source(body)).into(out));
    }

    /** Lines 1-3 are the package and imports, so the first line of {@code body} (the annotation) is line 4. */
    private static String source(String body) {
        return "package com.acme;\nimport com.acme.api.Filter;\nimport dev.plinth.api.Extension;\n" + body + "\n";
    }
}
