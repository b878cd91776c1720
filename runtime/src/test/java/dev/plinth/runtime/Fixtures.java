package dev.plinth.runtime;

import com.acme.api.Filter;
import dev.plinth.api.Plugin;
import dev.plinth.testjars.TestJar;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/** Plugin jars for the runtime's tests, compiled against the test host's API ({@code com.acme.api}). */
final class Fixtures {
    static final String API = "com.acme.api";
    static final String FILTER = Filter.class.getName();

    private Fixtures() {
    }

    /** The test classes (host API) and plinth-api, for compiling plugins. */
    static Path[] compileClasspath() {
        return new Path[] {locationOf(Filter.class), locationOf(Plugin.class)};
    }

    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plugin with one filter, {@code com.acme.<pkg>.<cls>}, whose {@code apply} body is {@code body}. */
    static TestJar filterPlugin(String id, String cls, String body) {
        String pkg = "com.acme." + id.replace('-', '_');
        return TestJar.named(id).plugin(id, "1.0.0").classpath(compileClasspath())
                .source(pkg + "." + cls, "package " + pkg + ";\n"
                        + "public class " + cls + " implements com.acme.api.Filter {\n"
                        + "    public String apply(String in) { " + body + " }\n"
                        + "}\n")
                .service(FILTER, pkg + "." + cls);
    }

    /**
     * A host over the given plugin directory. Time-outs leave headroom for a loaded CI machine; tests about
     * time-outs set their own.
     */
    static PluginHostBuilder host(Path pluginDir) {
        return PluginHost.builder().sharedPackages(API).pluginDirectory(pluginDir)
                .startTimeout(Duration.ofSeconds(20)).stopTimeout(Duration.ofSeconds(20))
                .hostClassLoader(Fixtures.class.getClassLoader());
    }
}
