package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.api.Filter;
import dev.plinth.testjars.TestJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Extension(ordinal)} orders {@code extensions()}; a host can ask for one plugin's and who owns a handle. */
class ExtensionLookupTest {
    @TempDir
    Path dir;

    private void plugin(String id, String cls, Integer ordinal) throws Exception {
        String pkg = "com.acme." + id;
        String annotation = ordinal == null ? "" : "@dev.plinth.api.Extension(ordinal = " + ordinal + ") ";
        TestJar.named(id).plugin(id, "2.0.0").classpath(Fixtures.compileClasspath())
                .source(pkg + "." + cls, "package " + pkg + "; " + annotation + "public class " + cls
                        + " implements com.acme.api.Filter { public String apply(String in) { return \"" + id
                        + "\"; } }")
                .service(Fixtures.FILTER, pkg + "." + cls).writeTo(dir.resolve("plugins"));
    }

    @Test
    void extensionsAreOrderedByOrdinalThenPluginIdAndCanBeAskedPerPlugin() throws Exception {
        Files.createDirectories(dir.resolve("plugins"));
        plugin("alpha", "A", 50);
        plugin("beta", "B", null);
        plugin("gamma", "C", -10);
        plugin("delta", "D", 50);

        try (PluginHost host = Fixtures.host(dir.resolve("plugins")).build()) {
            host.start();
            List<Filter> all = host.extensions(Filter.class);

            assertThat(all).extracting(f -> f.apply("")).containsExactly("gamma", "beta", "alpha", "delta");
            assertThat(host.extensions(Filter.class, "delta")).extracting(f -> f.apply("")).containsExactly("delta");
            assertThat(host.extensions(Filter.class, "nobody")).isEmpty();
            assertThat(host.pluginOf(all.get(0))).map(PluginInfo::coordinates).contains("gamma@2.0.0");
            assertThat(host.pluginOf("not a handle")).isEmpty();
        }
    }
}
