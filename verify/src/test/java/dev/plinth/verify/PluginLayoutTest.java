package dev.plinth.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PF4J's zip and directory layouts, read as the jar they make. */
class PluginLayoutTest {
    @TempDir
    Path dir;

    @Test
    void pluginPropertiesBecomeTheDescriptorAndTheSameContentHasTheSameSha256() throws IOException {
        Path plugin = Files.createDirectories(dir.resolve("p/classes/com/acme"));
        Files.write(plugin.resolve("A.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0,
            0, 61});
        String dependencies = "core@>=1.0.0 & <2.0.0, audit?, metrics@^1.2, reporting@~3.4, storage@>=5.0.0 & <6";
        Files.writeString(dir.resolve("p/plugin.properties"), "plugin.id=layout\nplugin.version=2.1.0\n"
                + "plugin.dependencies=" + dependencies + "\nplugin.unknown=dropped\n");

        PluginArchive first = PluginArchive.read(dir.resolve("p"));
        PluginArchive again = PluginArchive.read(dir.resolve("p"));

        assertThat(first.findings()).isEmpty();
        assertThat(first.path()).isEqualTo(dir.resolve("p").toRealPath());
        assertThat(first.descriptor().id()).isEqualTo("layout");
        assertThat(first.descriptor().version()).isEqualTo("2.1.0");
        assertThat(first.descriptor().requirements()).hasSize(5); // the long line survived the manifest's wrapping
        assertThat(first.classes()).containsKey("com.acme.A");
        assertThat(again.sha256()).isEqualTo(first.sha256()).isEqualTo(PluginArchive.sha256Of(dir.resolve("p")));
    }

    @Test
    void aLayoutOverTheLimitsIsACorruptJarNamingThePlugin() throws IOException {
        Path plugin = Files.createDirectories(dir.resolve("big/classes"));
        Files.write(plugin.resolve("huge.bin"), new byte[4096]);
        Files.writeString(dir.resolve("big/plugin.properties"), "plugin.id=big\n");

        PluginArchive archive = PluginArchive.read(dir.resolve("big"), new Limits(100, 1024, 1 << 20, 200));

        assertThat(archive.isUnreadable()).isTrue();
        assertThat(archive.findings()).extracting(Finding::message).singleElement().asString()
                .startsWith("big: cannot be read as a plugin (").contains("huge.bin is larger than the read limit");
    }

    @Test
    void onlyZipsAndDirectoriesWithAPluginsMarksAreLayouts() throws IOException {
        Files.createDirectories(dir.resolve("plain/data"));
        Files.createDirectories(dir.resolve("pf4j/classes"));
        Files.writeString(dir.resolve("x.zip"), "");

        assertThat(PluginLayout.isPlugin(dir.resolve("plain"))).isFalse();
        assertThat(PluginLayout.isPlugin(dir.resolve("pf4j"))).isTrue();
        assertThat(PluginLayout.isPlugin(dir.resolve("x.zip"))).isTrue();
    }
}
