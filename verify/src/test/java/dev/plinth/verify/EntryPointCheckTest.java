package dev.plinth.verify;

import static dev.plinth.verify.Fixtures.FILTER_V1;
import static dev.plinth.verify.Fixtures.REQUEST_V1;
import static dev.plinth.verify.Fixtures.api;
import static dev.plinth.verify.Fixtures.host;
import static dev.plinth.verify.Fixtures.only;
import static dev.plinth.verify.Fixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryPointCheckTest {
    private static final String HEAD = "package com.acme; import com.acme.api.*; ";
    private static final String APPLY = " public String apply(Request r) { return r.body(); } ";

    @TempDir
    Path dir;
    private Path api;

    @BeforeEach
    void compileApi() throws Exception {
        api = api(dir.resolve("api"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter", FILTER_V1,
                "dev.plinth.api.Extension", "package dev.plinth.api; @java.lang.annotation.Retention("
                        + "java.lang.annotation.RetentionPolicy.CLASS) public @interface Extension { }",
                "dev.plinth.api.Plugin", "package dev.plinth.api; public interface Plugin { default void stop() { } }");
    }

    private List<Finding> entryPoints(TestJar jar) throws Exception {
        return only(verify(host(api), jar.plugin("uppercase", "1.0").classpath(api).writeTo(dir)),
                FindingCode.ENTRY_POINT);
    }

    @Test
    void misspelledProviderIsReportedWithTheClosestClassName() throws Exception {
        List<Finding> findings = entryPoints(TestJar.named("uppercase")
                .source("com.acme.Uppercase", HEAD + "public class Uppercase implements Filter {" + APPLY + "}")
                .source("com.acme.Lowercase", HEAD + "public class Lowercase implements Filter {" + APPLY + "}")
                .service("com.acme.api.Filter", "com.acme.Uppercse"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("com.acme.api.Filter: provider com.acme.Uppercse not found in"
                    + " uppercase.jar");
            assertThat(f.fix()).isEqualTo("did you mean com.acme.Uppercase? (META-INF/services/com.acme.api.Filter"
                    + " line 1)");
            assertThat(f.location().entry()).isEqualTo("META-INF/services/com.acme.api.Filter");
            assertThat(f.location().type()).isEqualTo("com.acme.Uppercse");
        });
    }

    @Test
    void providerListedUnderTheWrongInterfaceIsToldTheRightServicesFile() throws Exception {
        Path withSink = api(dir.resolve("api2"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter",
                FILTER_V1, "com.acme.api.Sink", "package com.acme.api; public interface Sink { void put(String s); }");
        List<Finding> findings = only(verify(host(withSink), TestJar.named("uppercase").plugin("uppercase", "1.0")
                .classpath(withSink).source("com.acme.Printer", HEAD + "public class Printer implements Sink {"
                        + " public void put(String s) { } }")
                .service("com.acme.api.Filter", "com.acme.Printer").writeTo(dir)), FindingCode.ENTRY_POINT);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("com.acme.api.Filter: provider com.acme.Printer does not implement"
                    + " com.acme.api.Filter (it implements com.acme.api.Sink)");
            assertThat(f.fix()).isEqualTo("move the line to META-INF/services/com.acme.api.Sink, or implement"
                    + " com.acme.api.Filter in com.acme.Printer (META-INF/services/com.acme.api.Filter line 1)");
        });
    }

    @Test
    void everyWayAProviderCannotBeInstantiatedIsReported() throws Exception {
        List<Finding> findings = entryPoints(TestJar.named("uppercase")
                .source("com.acme.Hidden", HEAD + "class Hidden implements Filter {" + APPLY + "}")
                .source("com.acme.Outer", HEAD + "public class Outer { public class Inner implements Filter {"
                        + APPLY + "} }")
                .source("com.acme.Partial", HEAD + "public abstract class Partial implements Filter { }")
                .source("com.acme.Stranger", "package com.acme; public class Stranger { }")
                .source("com.acme.Picky", HEAD + "public class Picky implements Filter { public Picky(int n) { }"
                        + APPLY + "}")
                .service("com.acme.api.Filter", "com.acme.Hidden")
                .service("com.acme.api.Filter", "com.acme.Outer$Inner")
                .service("com.acme.api.Filter", "com.acme.Partial").service("com.acme.api.Filter", "com.acme.Stranger")
                .service("com.acme.api.Filter", "com.acme.Picky"));

        assertThat(findings).extracting(Finding::message).containsExactly(
                "com.acme.api.Filter: provider com.acme.Hidden is not public",
                "com.acme.api.Filter: provider com.acme.Outer$Inner is an inner class; ServiceLoader has no"
                        + " enclosing instance to create it with",
                "com.acme.api.Filter: provider com.acme.Partial is abstract",
                "com.acme.api.Filter: provider com.acme.Stranger does not implement com.acme.api.Filter",
                "com.acme.api.Filter: provider com.acme.Picky has no public no-arg constructor or public static"
                        + " provider() method");
        assertThat(findings.get(4).fix()).isEqualTo("add a public no-arg constructor to com.acme.Picky, or a public"
                + " static provider() method (META-INF/services/com.acme.api.Filter line 5)");
    }

    @Test
    void validProvidersIncludingStaticNestedInheritedAndFactoryMethodAreAccepted() throws Exception {
        List<Finding> findings = entryPoints(TestJar.named("uppercase")
                .source("com.acme.Base", HEAD + "public abstract class Base implements Filter { }")
                .source("com.acme.Upper", HEAD + "public class Upper extends Base {" + APPLY + "}")
                .source("com.acme.Outer", HEAD + "public class Outer { public static class Nested implements"
                        + " Filter {" + APPLY + "} }")
                .source("com.acme.Made", HEAD + "public class Made { private Made() { }"
                        + " public static Filter provider() { return r -> \"\"; } }")
                .source("com.acme.Life", "package com.acme; public class Life implements dev.plinth.api.Plugin { }")
                .service("com.acme.api.Filter", "com.acme.Upper")
                .service("com.acme.api.Filter", "com.acme.Outer$Nested")
                .service("com.acme.api.Filter", "com.acme.Made").service("dev.plinth.api.Plugin", "com.acme.Life"));

        assertThat(findings).isEmpty();
    }

    @Test
    void servicesFilesOfNonSharedInterfacesBelongToLibrariesAndAreIgnored() throws Exception {
        List<Finding> findings = entryPoints(TestJar.named("uppercase")
                .source("com.acme.Upper", HEAD + "public class Upper implements Filter {" + APPLY + "}")
                .service("com.acme.api.Filter", "com.acme.Upper")
                .service("org.lib.spi.Codec", "org.lib.Missing"));

        assertThat(findings).isEmpty();
    }

    @Test
    void extensionAnnotatedClassListedInNoServicesFileIsAWarning() throws Exception {
        List<Finding> findings = entryPoints(TestJar.named("uppercase")
                .source("com.acme.Upper", HEAD + "@dev.plinth.api.Extension public class Upper implements Filter {"
                        + APPLY + "}")
                .source("com.acme.Lower", HEAD + "@dev.plinth.api.Extension public class Lower implements Filter {"
                        + APPLY + "}")
                .service("com.acme.api.Filter", "com.acme.Lower"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("com.acme.Upper: annotated @Extension but listed in no"
                    + " META-INF/services file");
            assertThat(f.fix()).isEqualTo("add com.acme.Upper to META-INF/services/com.acme.api.Filter, or enable"
                    + " Plinth's annotation processor");
        });
    }
}
