package dev.plinth.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionProcessorTest {
    static final String FILTER = "package com.acme.api; public interface Filter { String apply(String s); }";
    static final String SINK = "package com.acme.api; public interface Sink { void accept(String s); }";

    @TempDir
    Path out;

    @Test
    void writesOneSortedServicesFileForTheImplementedInterface() {
        Javac.Result result = Javac.sources().source("com.acme.api.Filter", FILTER)
                .source("com.acme.Upper", "package com.acme; @dev.plinth.api.Extension public class Upper"
                        + " implements com.acme.api.Filter { public String apply(String s) { return s; } }")
                .source("com.acme.Lower", "package com.acme; @dev.plinth.api.Extension public class Lower"
                        + " implements com.acme.api.Filter { public String apply(String s) { return s; } }")
                .into(out);

        assertThat(result.success()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.servicesFile("com.acme.api.Filter")).isEqualTo("com.acme.Lower\ncom.acme.Upper\n");
    }

    @Test
    void interfacesOfSuperclassesCountAndJdkInterfacesDoNot() {
        Javac.Result result = Javac.sources().source("com.acme.api.Filter", FILTER).source("com.acme.api.Sink", SINK)
                .source("com.acme.Base", "package com.acme; public abstract class Base implements com.acme.api.Sink,"
                        + " Runnable { public void accept(String s) { } public void run() { } }")
                .source("com.acme.Both", "package com.acme; @dev.plinth.api.Extension public class Both extends Base"
                        + " implements com.acme.api.Filter, AutoCloseable { public String apply(String s) { return s; }"
                        + " public void close() { } }")
                .into(out);

        assertThat(result.success()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.servicesFile("com.acme.api.Filter")).isEqualTo("com.acme.Both\n");
        assertThat(result.servicesFile("com.acme.api.Sink")).isEqualTo("com.acme.Both\n");
        assertThat(out.resolve("META-INF/services/java.lang.Runnable")).doesNotExist();
        assertThat(out.resolve("META-INF/services/java.lang.AutoCloseable")).doesNotExist();
    }

    @Test
    void apiPackagesOptionRestrictsTheImpliedInterfacesButKeepsPlugin() {
        Javac.Result result = Javac.sources().source("com.acme.api.Filter", FILTER)
                .source("com.acme.util.Named", "package com.acme.util; public interface Named { }")
                .source("com.acme.Upper", "package com.acme; @dev.plinth.api.Extension public class Upper"
                        + " implements com.acme.api.Filter, com.acme.util.Named, dev.plinth.api.Plugin {"
                        + " public String apply(String s) { return s; } }")
                .option("-Aplinth.apiPackages=com.acme.api, com.other")
                .into(out);

        assertThat(result.success()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.servicesFile("com.acme.api.Filter")).isEqualTo("com.acme.Upper\n");
        assertThat(result.servicesFile("dev.plinth.api.Plugin")).isEqualTo("com.acme.Upper\n");
        assertThat(out.resolve("META-INF/services/com.acme.util.Named")).doesNotExist();
    }

    @Test
    void explicitValueRegistersOnlyTheNamedInterfaceAndNestedClassesUseBinaryNames() {
        Javac.Result result = Javac.sources().source("com.acme.api.Filter", FILTER).source("com.acme.api.Sink", SINK)
                .source("com.acme.Outer", "package com.acme; public class Outer {"
                        + " @dev.plinth.api.Extension(com.acme.api.Sink.class) public static class Both implements"
                        + " com.acme.api.Filter, com.acme.api.Sink { public String apply(String s) { return s; }"
                        + " public void accept(String s) { } } }")
                .into(out);

        assertThat(result.success()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.servicesFile("com.acme.api.Sink")).isEqualTo("com.acme.Outer$Both\n");
        assertThat(out.resolve("META-INF/services/com.acme.api.Filter")).doesNotExist();
    }

    @Test
    void publicStaticProviderMethodReplacesTheConstructor() {
        Javac.Result result = Javac.sources().source("com.acme.api.Filter", FILTER)
                .source("com.acme.Upper", "package com.acme; @dev.plinth.api.Extension(com.acme.api.Filter.class)"
                        + " public final class Upper { private Upper() { }"
                        + " public static com.acme.api.Filter provider() { return s -> s; } }")
                .into(out);

        assertThat(result.success()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.servicesFile("com.acme.api.Filter")).isEqualTo("com.acme.Upper\n");
    }

    @Test
    void handWrittenLinesAreKeptVerbatimAndNewProvidersAppended() throws IOException {
        Path services = out.resolve("META-INF/services/com.acme.api.Filter");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# written by hand\ncom.acme.Zeta\ncom.acme.Upper # already here\n\n");

        Javac.Result result = Javac.sources().source("com.acme.api.Filter", FILTER)
                .source("com.acme.Upper", "package com.acme; @dev.plinth.api.Extension public class Upper"
                        + " implements com.acme.api.Filter { public String apply(String s) { return s; } }")
                .source("com.acme.Alpha", "package com.acme; @dev.plinth.api.Extension public class Alpha"
                        + " implements com.acme.api.Filter { public String apply(String s) { return s; } }")
                .into(out);

        assertThat(result.success()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.servicesFile("com.acme.api.Filter"))
                .isEqualTo("# written by hand\ncom.acme.Zeta\ncom.acme.Upper # already here\ncom.acme.Alpha\n");
    }

    @Test
    void anIncrementalCompilationKeepsTheProvidersOfTheEarlierOne() {
        Javac.sources().source("com.acme.api.Filter", FILTER)
                .source("com.acme.Upper", "package com.acme; @dev.plinth.api.Extension public class Upper"
                        + " implements com.acme.api.Filter { public String apply(String s) { return s; } }")
                .into(out);

        Javac.Result second = Javac.sources().classpath(out)
                .source("com.acme.Lower", "package com.acme; @dev.plinth.api.Extension public class Lower"
                        + " implements com.acme.api.Filter { public String apply(String s) { return s; } }")
                .into(out);

        assertThat(second.success()).as("%s", second.diagnostics()).isTrue();
        assertThat(second.servicesFile("com.acme.api.Filter")).isEqualTo("com.acme.Upper\ncom.acme.Lower\n");
    }

    @Test
    void extensionsGeneratedInALaterRoundAreWrittenInTheSameSingleFile() {
        Javac.Result result = Javac.sources().source("com.acme.api.Filter", FILTER)
                .source("com.acme.Upper", "package com.acme; @dev.plinth.api.Extension @Deprecated public class Upper"
                        + " implements com.acme.api.Filter { public String apply(String s) { return s; } }")
                .processor(new GeneratingProcessor("com.acme.Generated", "package com.acme;"
                        + " @dev.plinth.api.Extension public class Generated implements com.acme.api.Filter {"
                        + " public String apply(String s) { return s; } }"))
                .into(out);

        assertThat(result.success()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.servicesFile("com.acme.api.Filter")).isEqualTo("com.acme.Generated\ncom.acme.Upper\n");
    }

    @Test
    void supportsTheLatestSourceVersionAndTheApiPackagesOption() {
        ExtensionProcessor processor = new ExtensionProcessor();

        assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
        assertThat(processor.getSupportedOptions()).containsExactly("plinth.apiPackages");
        assertThat(processor.getSupportedAnnotationTypes()).containsExactly("dev.plinth.api.Extension");
    }

    @Test
    void isRegisteredForJavacAndDeclaredAggregatingToGradle() throws IOException {
        ClassLoader loader = ExtensionProcessor.class.getClassLoader();

        assertThat(read(loader, "META-INF/services/javax.annotation.processing.Processor"))
                .isEqualTo("dev.plinth.processor.ExtensionProcessor\n");
        assertThat(read(loader, "META-INF/gradle/incremental.annotation.processors"))
                .isEqualTo("dev.plinth.processor.ExtensionProcessor,aggregating\n");
    }

    static Diagnostic<? extends JavaFileObject> onlyError(Javac.Result result) {
        assertThat(result.success()).isFalse();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    private static String read(ClassLoader loader, String resource) throws IOException {
        try (var in = loader.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
