package dev.plinth.testkit;

import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginHostBuilder;
import dev.plinth.runtime.PluginInfo;
import dev.plinth.runtime.ReloadReport;
import dev.plinth.runtime.UnloadReport;
import dev.plinth.verify.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that loads the plugin under test into a fresh, started {@code PluginHost} before each test and
 * closes it after; it is itself the {@link Plinth} of the running test.
 *
 * <pre>{@code
 * @RegisterExtension
 * final PlinthExtension plinth = PlinthExtension.builder()
 *         .configuration(Map.of("mask", "*"))
 *         .build();
 *
 * @Test
 * void masksDigits() {
 *     assertThat(plinth.problems()).isEmpty();
 *     assertThat(plinth.extension(Filter.class).apply(request)).isEqualTo(...);
 * }
 * }</pre>
 *
 * <h2>Threading</h2>
 * One host per test; tests that share an instance must not run concurrently.
 */
public final class PlinthExtension implements Plinth, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final Settings settings;
    private volatile LoadedPlugin current;

    /** The extension as {@code @PlinthTest} registers it: settings come from the annotation. */
    public PlinthExtension() {
        this(null);
    }

    private PlinthExtension(Settings settings) {
        this.settings = settings;
    }

    /** A builder for {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Settings s = settings != null ? settings : Settings.of(context.getTestClass()
                .map(c -> c.getAnnotation(PlinthTest.class))
                .orElseThrow(() -> new IllegalStateException("PlinthExtension: annotate the class @PlinthTest, or"
                        + " register PlinthExtension.builder()...build() with @RegisterExtension")));
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        current = LoadedPlugin.start(s, loader);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        LoadedPlugin loaded = current;
        current = null;
        if (loaded != null) {
            loaded.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Plinth.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }

    private LoadedPlugin loaded() {
        LoadedPlugin loaded = current;
        if (loaded == null) {
            throw new IllegalStateException("no plugin loaded: the plugin under test exists only while a test runs"
                    + " (not in @BeforeAll or @AfterAll)");
        }
        return loaded;
    }

    @Override
    public PluginHost host() {
        return loaded().host();
    }

    @Override
    public String pluginId() {
        return loaded().pluginId();
    }

    @Override
    public Path jar() {
        return loaded().jar();
    }

    @Override
    public PluginInfo plugin() {
        return loaded().plugin();
    }

    @Override
    public List<Finding> findings() {
        return loaded().findings();
    }

    @Override
    public List<Finding> problems() {
        return loaded().problems();
    }

    @Override
    public <T> List<T> extensions(Class<T> type) {
        return loaded().extensions(type);
    }

    @Override
    public <T> T extension(Class<T> type) {
        return loaded().extension(type);
    }

    @Override
    public ReloadReport reload() {
        return loaded().reload();
    }

    @Override
    public UnloadReport unload() {
        return loaded().unload();
    }

    @Override
    public String report() {
        return loaded().report();
    }

    /** Settings for a {@code @RegisterExtension} field; every one is optional. */
    public static final class Builder {
        private final List<String> sharedPackages = new ArrayList<>();
        private final Map<String, String> configuration = new LinkedHashMap<>();
        private Path classes = Path.of("target", "classes");
        private Path jar;
        private String pluginId;
        private Consumer<PluginHostBuilder> customizer = b -> { };

        private Builder() {
        }

        /** The host API packages; by default those the class path's {@code Plinth-Shared-Packages} name. */
        public Builder sharedPackages(String... packages) {
            sharedPackages.addAll(List.of(packages));
            return this;
        }

        /** The plugin's class directory; {@code target/classes} by default. */
        public Builder classes(Path directory) {
            this.classes = Objects.requireNonNull(directory, "directory == null");
            return this;
        }

        /** A built plugin jar to load instead of the class directory. */
        public Builder jar(Path pluginJar) {
            this.jar = Objects.requireNonNull(pluginJar, "pluginJar == null");
            return this;
        }

        /** The id for a class directory whose manifest has none; the working directory's name by default. */
        public Builder pluginId(String id) {
            this.pluginId = Objects.requireNonNull(id, "id == null");
            return this;
        }

        /** Adds to what {@code PluginContext.configuration()} returns. */
        public Builder configuration(Map<String, String> values) {
            configuration.putAll(values);
            return this;
        }

        /** Anything else to set on the host, e.g. {@code b -> b.startTimeout(Duration.ofSeconds(1))}. */
        public Builder host(Consumer<PluginHostBuilder> customizer) {
            this.customizer = Objects.requireNonNull(customizer, "customizer == null");
            return this;
        }

        /** The extension. */
        public PlinthExtension build() {
            return new PlinthExtension(new Settings(sharedPackages, classes, jar, pluginId, configuration,
                    customizer));
        }
    }
}
