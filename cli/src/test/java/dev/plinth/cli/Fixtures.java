package dev.plinth.cli;

import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;

/** Real jars for the CLI tests: a host API with one {@code Filter} interface and plugins built against it. */
final class Fixtures {
    static final String API_PACKAGE = "com.acme.api";
    static final String FILTER = "com.acme.api.Filter";
    static final String FILTER_SOURCE = "package com.acme.api; public interface Filter { String apply(String s); }";

    private Fixtures() {
    }

    /** The host API compiled into a class directory {@code <dir>/api}. */
    static Path apiClasses(Path dir) throws IOException {
        return TestJar.named("api").source(FILTER, FILTER_SOURCE).writeClassesTo(dir.resolve("api"));
    }

    /** The host API as {@code <dir>/api.jar} whose manifest names its shared package. */
    static Path apiJarWithManifest(Path dir) throws IOException {
        return TestJar.named("api").attribute("Plinth-Shared-Packages", API_PACKAGE).source(FILTER, FILTER_SOURCE)
                .writeTo(dir);
    }

    /** The host API as {@code <dir>/host-api.jar} without {@code Plinth-Shared-Packages}, in two packages. */
    static Path apiJarWithoutAttribute(Path dir) throws IOException {
        return TestJar.named("host-api").source(FILTER, FILTER_SOURCE)
                .source("com.acme.api.spi.Sink", "package com.acme.api.spi; public interface Sink { }")
                .writeTo(dir);
    }

    /** A host library {@code <dir>/<name>.jar} with {@code com.acme.lib.Text.upper(String)}. */
    static Path libraryJar(Path dir, String name, String upperBody) throws IOException {
        return TestJar.named(name).source("com.acme.lib.Text", "package com.acme.lib; public final class Text {"
                + " public static String upper(String s) { " + upperBody + " } }").writeTo(dir);
    }

    /** A plugin {@code <dir>/<id>.jar} whose filter calls {@code com.acme.lib.Text.upper}, compiled against lib. */
    static TestJar pluginCallingLibrary(String id, Path api, Path library) {
        String pkg = "com.acme." + id.replace("-", "");
        String cls = pkg + ".Impl";
        return TestJar.named(id).plugin(id, "1.0.0")
                .source(cls, "package " + pkg + "; public final class Impl implements com.acme.api.Filter {"
                        + " public String apply(String s) { return com.acme.lib.Text.upper(s); } }")
                .service(FILTER, cls)
                .classpath(api, library);
    }

    /** Makes a FIFO with {@code mkfifo}; aborts the test (an assumption) where there is no {@code mkfifo}. */
    static Path fifo(Path path) throws InterruptedException, IOException {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return Assumptions.abort("mkfifo is not available: " + e.getMessage());
        }
        String output = new String(mkfifo.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, () -> "mkfifo failed: " + output);
        return path;
    }

    /** A well-formed plugin {@code <dir>/<id>.jar} with one public filter. */
    static Path cleanPlugin(Path dir, String id, Path api) throws IOException {
        return plugin(id, api).writeTo(dir);
    }

    /** A plugin that also carries its own copy of the host's {@code Filter} class file. */
    static Path pluginBundlingApi(Path dir, String id, Path api) throws IOException {
        byte[] filter = Files.readAllBytes(api.resolve("com/acme/api/Filter.class"));
        return plugin(id, api).entry("com/acme/api/Filter.class", filter).writeTo(dir);
    }

    /** {@code <dir>/<name>.jar} holding random bytes instead of a zip archive. */
    static Path corruptJar(Path dir, String name) throws IOException {
        byte[] bytes = new byte[512];
        new Random(42).nextBytes(bytes);
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name + ".jar"), bytes);
    }

    /** A well-formed plugin with one public filter, to add entries to before writing. */
    static TestJar plugin(String id, Path api) {
        String pkg = "com.acme." + id.replace("-", "");
        String cls = pkg + ".Impl";
        return TestJar.named(id).plugin(id, "1.0.0")
                .source(cls, "package " + pkg + "; public final class Impl implements com.acme.api.Filter {"
                        + " public String apply(String s) { return s; } }")
                .service(FILTER, cls)
                .classpath(api);
    }
}
