package dev.plinth.testkit;

import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plugin class directories, compiled once per test JVM under {@code target/testkit-fixtures}, like a plugin build. */
final class Fixtures {
    static final Path ROOT = Path.of("target", "testkit-fixtures");
    static final Path UPPER = ROOT.resolve("upper");
    static final Path BROKEN = ROOT.resolve("broken");

    private Fixtures() {
    }

    /** {@code Upper} appends the configured suffix, which its {@code Plugin} reads at start. */
    static synchronized void upper() throws IOException {
        if (Files.isDirectory(UPPER)) {
            return;
        }
        TestJar.named("upper").classpath(testClasses(), plinthApi())
                .source("com.acme.upper.Upper", "package com.acme.upper; public class Upper implements"
                        + " com.acme.fixture.api.Filter { public String apply(String s) {"
                        + " return s.toUpperCase(java.util.Locale.ROOT) + Lifecycle.suffix; } }")
                .source("com.acme.upper.Lifecycle", "package com.acme.upper; public class Lifecycle implements"
                        + " dev.plinth.api.Plugin { static volatile String suffix = \"\";"
                        + " public void start(dev.plinth.api.PluginContext c) {"
                        + " suffix = c.configuration().getOrDefault(\"suffix\", \"\"); } }")
                .writeClassesTo(UPPER);
        service(UPPER, "com.acme.fixture.api.Filter", "com.acme.upper.Upper");
        service(UPPER, "dev.plinth.api.Plugin", "com.acme.upper.Lifecycle");
    }

    /** Lists a class that is not public, so the host refuses the plugin with an {@code entry-point} error. */
    static synchronized void broken() throws IOException {
        if (Files.isDirectory(BROKEN)) {
            return;
        }
        TestJar.named("broken").classpath(testClasses())
                .source("com.acme.broken.Hidden", "package com.acme.broken; class Hidden implements"
                        + " com.acme.fixture.api.Filter { public String apply(String s) { return s; } }")
                .writeClassesTo(BROKEN);
        service(BROKEN, "com.acme.fixture.api.Filter", "com.acme.broken.Hidden");
    }

    private static void service(Path classes, String service, String provider) throws IOException {
        Path file = classes.resolve("META-INF/services/" + service);
        Files.createDirectories(file.getParent());
        Files.writeString(file, provider + "\n");
    }

    static Path testClasses() {
        return location(Fixtures.class);
    }

    static Path plinthApi() {
        return location(dev.plinth.api.Plugin.class);
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
