package dev.plinth.verify;

import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Test helpers: host API versions compiled into class directories, and verification of one jar against them. */
final class Fixtures {
    static final String REQUEST_V1 = "package com.acme.api; public class Request {"
            + " public String body() { return \"\"; } }";
    static final String REQUEST_V2 = "package com.acme.api; public class Request {"
            + " public String body() { return \"\"; } public String header(String name) { return name; } }";
    static final String FILTER_V1 = "package com.acme.api; public interface Filter { String apply(Request r); }";

    private Fixtures() {
    }

    /** Compiles API sources ({@code class name, source} pairs) into {@code dir} and returns it. */
    static Path api(Path dir, String... namesAndSources) throws IOException {
        TestJar jar = TestJar.named("api");
        for (int i = 0; i < namesAndSources.length; i += 2) {
            jar.source(namesAndSources[i], namesAndSources[i + 1]);
        }
        return jar.writeClassesTo(dir);
    }

    /** A host sharing {@code com.acme.api} whose class path is the given directories or jars. */
    static HostApi host(Path... classpath) {
        return HostApi.of(Set.of("com.acme.api"), List.of(classpath));
    }

    /** Reads and verifies a jar. */
    static List<Finding> verify(HostApi host, Path jar) {
        return Verifier.forHost(host).verify(PluginArchive.read(jar));
    }

    /** The findings of one code. */
    static List<Finding> only(List<Finding> findings, FindingCode code) {
        return findings.stream().filter(f -> f.code() == code).toList();
    }
}
