package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test logger is slf4j-simple; it writes to System.out when it found simplelogger.properties at its first use,
 * else to System.err (which thread used it first decides that), so these tests capture both.
 */
class FindingLogTest {
    private static final String LOGGER = " dev.plinth.runtime.PluginHost - ";

    @TempDir
    Path dir;

    @Test
    void eachFindingIsLoggedOnceAtTheLevelOfItsSeverity() throws Exception {
        // a warning on a plugin that loads, an error before loading, one while starting, and one while stopping
        TestJar.named("lower-case-2.1.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.lc.Lower", "package com.acme.lc;\npublic class Lower implements"
                        + " com.acme.api.Filter { public String apply(String in) { return in.toLowerCase(); } }\n")
                .service(Fixtures.FILTER, "com.acme.lc.Lower").writeTo(dir);
        TestJar future = Fixtures.filterPlugin("future", "Future", "return in;");
        byte[] bytes = future.compile().get("com/acme/future/Future.class");
        bytes[7] = (byte) (bytes[7] + 20);
        future.entry("com/acme/future/Future.class", bytes).writeTo(dir);
        lifecycle("bad-start", "throw new IllegalStateException(\"no url\");", "").writeTo(dir);
        lifecycle("bad-stop", "", "throw new IllegalStateException(\"already closed\");").writeTo(dir);

        List<Finding> findings = new ArrayList<>();
        String log = captured(() -> {
            PluginHost host = Fixtures.host(dir).build();
            try {
                host.start();
            } finally {
                host.close();
            }
            host.plugins().forEach(p -> findings.addAll(p.findings()));
        });

        assertThat(findings).extracting(f -> f.code().id() + "/" + f.severity()).contains(
                "start-failed/ERROR", "stop-failed/WARNING", "class-version/ERROR", "descriptor-invalid/WARNING");
        Map<Severity, String> levels = Map.of(Severity.ERROR, "ERROR", Severity.WARNING, "WARN", Severity.INFO,
                "INFO");
        for (Finding f : findings) {
            assertThat(log.lines().filter(line -> line.contains(f.toString())))
                    .as("log lines with %s", f).singleElement().asString()
                    .endsWith(" " + levels.get(f.severity()) + LOGGER + f);
        }
    }

    private static TestJar lifecycle(String id, String start, String stop) {
        String pkg = "com.acme." + id.replace('-', '_');
        return TestJar.named(id).plugin(id, "1.0.0").classpath(Fixtures.compileClasspath())
                .source(pkg + ".Life", "package " + pkg + ";\n"
                        + "public class Life implements dev.plinth.api.Plugin {\n"
                        + "    public void start(dev.plinth.api.PluginContext c) { " + start + " }\n"
                        + "    public void stop() { " + stop + " }\n"
                        + "}\n")
                .service("dev.plinth.api.Plugin", pkg + ".Life");
    }

    /** What {@code body} wrote to System.out and System.err, one of which the test logger writes to. */
    private static String captured(ThrowingRunnable body) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            body.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
