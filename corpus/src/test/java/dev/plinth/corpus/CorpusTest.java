package dev.plinth.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @TempDir
    Path dir;

    @Test
    void pluginJarIsItsLibrariesPlusTheFilterItsServiceFileAndPluginManifest() throws Exception {
        Path api = Corpus.apiClasses(dir.resolve("api-classes"));
        Path jar = Corpus.build(RealPlugin.JACKSON_SKEW, api, dir);

        assertThat(jar).hasFileName("jackson-skew.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes manifest = file.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Plugin-Id")).isEqualTo("jackson-skew");
            assertThat(manifest.getValue("Plugin-Version")).isEqualTo("1.0.0");
            assertThat(manifest.getValue("Multi-Release")).isEqualTo("true");
            assertThat(text(file, "META-INF/services/dev.plinth.corpus.api.Filter"))
                    .isEqualTo("org.example.corpus.jackson.JacksonFilter\n");
            List<String> names = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).contains("org/example/corpus/jackson/JacksonFilter.class",
                    "com/fasterxml/jackson/databind/ObjectMapper.class",
                    "com/fasterxml/jackson/core/util/BufferRecycler.class",
                    "META-INF/versions/9/module-info.class")
                    .doesNotContain("module-info.class", "dev/plinth/corpus/api/Filter.class")
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void skewShipsOtherLibraryVersionsThanItWasCompiledAgainst() {
        assertThat(RealPlugin.NETTY_SKEW.compiledAgainst()).isEqualTo(RealPlugin.NETTY);
        assertThat(Corpus.libraries(RealPlugin.NETTY_SKEW)).extracting(p -> p.getFileName().toString())
                .containsExactly("netty-buffer-4.1.0.Final.jar", "netty-codec-4.1.0.Final.jar",
                        "netty-common-4.1.0.Final.jar", "netty-handler-4.1.100.Final.jar",
                        "netty-resolver-4.1.0.Final.jar", "netty-transport-4.1.0.Final.jar");
        assertThat(RealPlugin.GUICE_SKEW.compiledAgainst()).isEqualTo(RealPlugin.GUICE_SKEW);
    }

    @Test
    void apiJarHoldsOnlyTheFilterAndNamesItsPackageAsShared() throws Exception {
        Path jar = Corpus.apiJar(dir);

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Plinth-Shared-Packages"))
                    .isEqualTo("dev.plinth.corpus.api");
            assertThat(Collections.list(file.entries())).extracting(JarEntry::getName)
                    .containsExactly("META-INF/MANIFEST.MF", "dev/plinth/corpus/api/Filter.class");
        }
    }

    @Test
    void casesAreEightGoodPluginsAndFourSkews() {
        assertThat(RealPlugin.goods()).extracting(RealPlugin::id)
                .containsExactly("spring", "okhttp", "logback", "guava", "netty", "jackson", "kotlin", "compress");
        assertThat(RealPlugin.skews()).extracting(RealPlugin::id)
                .containsExactly("jackson-skew", "netty-skew", "logback-skew", "guice-skew");
    }

    private static String text(JarFile file, String path) throws Exception {
        return new String(file.getInputStream(file.getEntry(path)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
