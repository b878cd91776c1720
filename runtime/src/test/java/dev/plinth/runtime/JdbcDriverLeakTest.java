package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Severity;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A JDBC driver a plugin registers and never deregisters pins its loader: unload deregisters it and says so. */
class JdbcDriverLeakTest {
    private static final String DRIVER = "package com.acme.jdbc;\n"
            + "import java.sql.*;\n"
            + "public class FakeDriver implements Driver {\n"
            + "    public Connection connect(String url, java.util.Properties info) { return null; }\n"
            + "    public boolean acceptsURL(String url) { return url.startsWith(\"jdbc:fake:\"); }\n"
            + "    public DriverPropertyInfo[] getPropertyInfo(String url, java.util.Properties info) {"
            + " return new DriverPropertyInfo[0]; }\n"
            + "    public int getMajorVersion() { return 1; }\n"
            + "    public int getMinorVersion() { return 0; }\n"
            + "    public boolean jdbcCompliant() { return false; }\n"
            + "    public java.util.logging.Logger getParentLogger() { return null; }\n"
            + "}\n";
    /**
     * Registers the driver by reflection, so no class file names {@code java/sql/DriverManager}: only the loader's
     * note of the driver class it defined tells the unload to look.
     */
    private static final String PLUGIN = "package com.acme.jdbc;\n"
            + "public class Registering implements dev.plinth.api.Plugin {\n"
            + "    public void start(dev.plinth.api.PluginContext c) {\n"
            + "        try {\n"
            + "            Class.forName(\"java.sql.Driver\" + \"Manager\").getMethod(\"registerDriver\","
            + " java.sql.Driver.class).invoke(null, new FakeDriver());\n"
            + "        } catch (ReflectiveOperationException e) { throw new IllegalStateException(e); }\n"
            + "    }\n"
            + "}\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "verification {0}")
    @ValueSource(booleans = {true, false})
    void aDriverLeftRegisteredIsDeregisteredAtUnloadAndTheLoaderCollected(boolean verify) throws Exception {
        TestJar.named("jdbc").plugin("jdbc", "1.0.0").classpath(Fixtures.compileClasspath())
                .source("com.acme.jdbc.FakeDriver", DRIVER).source("com.acme.jdbc.Registering", PLUGIN)
                .service("dev.plinth.api.Plugin", "com.acme.jdbc.Registering").writeTo(dir);
        try (PluginHost host = Fixtures.host(dir).verification(verify).leakCheckTimeout(Duration.ofSeconds(10))
                .build()) {
            host.start();
            assertThat(host.plugin("jdbc").orElseThrow().state()).isEqualTo(PluginState.STARTED);

            UnloadReport report = host.unload("jdbc");

            assertThat(report.findings()).extracting(Finding::code, Finding::severity, Finding::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.LOADER_LEAK, Severity.WARNING,
                            "JDBC driver com.acme.jdbc.FakeDriver registered by the plugin pinned its class loader;"
                                    + " deregistered"));
            assertThat(report.collected()).isTrue();
        }
        assertThat(Collections.list(DriverManager.getDrivers())).extracting(d -> d.getClass().getName())
                .doesNotContain("com.acme.jdbc.FakeDriver");
    }
}
