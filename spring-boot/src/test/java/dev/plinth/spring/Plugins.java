package dev.plinth.spring;

import dev.plinth.api.Plugin;
import dev.plinth.spring.testapi.Greeter;
import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Plugin jars for the starter's tests, compiled against the test host's API ({@code dev.plinth.spring.testapi}). */
final class Plugins {
    static final String API = "dev.plinth.spring.testapi";

    private Plugins() {
    }

    /**
     * A plugin whose one greeter answers {@code <word> <name>}; {@code ordinal} goes into its
     * {@code @Extension(ordinal)}.
     */
    static Path greeter(Path dir, String id, String version, String word, int ordinal) throws IOException {
        String pkg = "com.acme." + id.replace('-', '_');
        return TestJar.named(id + "-" + version).plugin(id, version).classpath(classpath())
                .source(pkg + ".Impl", "package " + pkg + ";\n"
                        + "@dev.plinth.api.Extension(ordinal = " + ordinal + ")\n"
                        + "public class Impl implements " + Greeter.class.getName() + " {\n"
                        + "    public String greet(String name) { return \"" + word + " \" + name; }\n"
                        + "}\n")
                .service(Greeter.class.getName(), pkg + ".Impl")
                .writeTo(dir);
    }

    /** A plugin with one greeter that declares {@code Plugin-Dependencies: <dependency>}. */
    static Path dependent(Path dir, String id, String dependency) throws IOException {
        String pkg = "com.acme." + id.replace('-', '_');
        return TestJar.named(id).plugin(id, "1.0.0").attribute("Plugin-Dependencies", dependency)
                .classpath(classpath())
                .source(pkg + ".Impl", "package " + pkg + ";\n"
                        + "public class Impl implements " + Greeter.class.getName() + " {\n"
                        + "    public String greet(String name) { return name; }\n"
                        + "}\n")
                .service(Greeter.class.getName(), pkg + ".Impl")
                .writeTo(dir);
    }

    /** A plugin with a greeter whose {@code Plugin.start} throws {@code IllegalStateException: <message>}. */
    static Path failingToStart(Path dir, String id, String message) throws IOException {
        String pkg = "com.acme." + id.replace('-', '_');
        return TestJar.named(id).plugin(id, "1.0.0").classpath(classpath())
                .source(pkg + ".Impl", "package " + pkg + ";\n"
                        + "public class Impl implements " + Greeter.class.getName() + " {\n"
                        + "    public String greet(String name) { return name; }\n"
                        + "}\n")
                .source(pkg + ".Lifecycle", "package " + pkg + ";\n"
                        + "public class Lifecycle implements dev.plinth.api.Plugin {\n"
                        + "    public void start(dev.plinth.api.PluginContext c) {\n"
                        + "        throw new IllegalStateException(\"" + message + "\");\n"
                        + "    }\n"
                        + "}\n")
                .service(Greeter.class.getName(), pkg + ".Impl")
                .service(Plugin.class.getName(), pkg + ".Lifecycle")
                .writeTo(dir);
    }

    /** A plugin whose greeter answers {@code <greeting> <name>}, the greeting read from its configuration. */
    static Path configured(Path dir, String id) throws IOException {
        String pkg = "com.acme." + id.replace('-', '_');
        return TestJar.named(id).plugin(id, "1.0.0").classpath(classpath())
                .source(pkg + ".Impl", "package " + pkg + ";\n"
                        + "public class Impl implements " + Greeter.class.getName() + " {\n"
                        + "    public String greet(String name) { return Lifecycle.greeting + \" \" + name; }\n"
                        + "}\n")
                .source(pkg + ".Lifecycle", "package " + pkg + ";\n"
                        + "public class Lifecycle implements dev.plinth.api.Plugin {\n"
                        + "    static volatile String greeting;\n"
                        + "    public void start(dev.plinth.api.PluginContext c) {\n"
                        + "        greeting = c.configuration().getOrDefault(\"greeting\", \"(none)\");\n"
                        + "    }\n"
                        + "}\n")
                .service(Greeter.class.getName(), pkg + ".Impl")
                .service(Plugin.class.getName(), pkg + ".Lifecycle")
                .writeTo(dir);
    }

    private static Path[] classpath() {
        return new Path[] {locationOf(Greeter.class), locationOf(Plugin.class)};
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
