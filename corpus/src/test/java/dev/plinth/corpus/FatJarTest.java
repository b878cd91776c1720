package dev.plinth.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FatJarTest {
    @TempDir
    Path dir;

    @Test
    void mergesLibrariesTheWayAShadingBuildDoes() throws Exception {
        Path first = TestJar.named("first").attribute("Multi-Release", "true")
                .entry("META-INF/FIRST.SF", bytes("signature"))
                .entry("META-INF/FIRST.RSA", bytes("block"))
                .entry("module-info.class", bytes("root module"))
                .entry("META-INF/versions/9/module-info.class", bytes("versioned module"))
                .entry("META-INF/services/com.acme.Codec", bytes("com.acme.First\n"))
                .entry("com/", new byte[0])
                .entry("com/acme/First.class", bytes("first"))
                .entry("NOTICE", bytes("first notice"))
                .writeTo(dir);
        Path second = TestJar.named("second")
                .entry("META-INF/second.ec", bytes("signature"))
                .entry("module-info.class", bytes("root module"))
                .entry("META-INF/services/com.acme.Codec", bytes("com.acme.Second"))
                .entry("com/", new byte[0])
                .entry("com/acme/Second.class", bytes("second"))
                .entry("NOTICE", bytes("second notice"))
                .writeTo(dir);

        FatJar fat = FatJar.merge(List.of(first, second));

        assertThat(fat.entries()).containsOnlyKeys("META-INF/versions/9/module-info.class",
                "META-INF/services/com.acme.Codec", "com/", "com/acme/First.class", "NOTICE", "com/acme/Second.class");
        assertThat(text(fat.entries(), "META-INF/services/com.acme.Codec"))
                .isEqualTo("com.acme.First\ncom.acme.Second");
        assertThat(text(fat.entries(), "NOTICE")).isEqualTo("first notice");
        assertThat(fat.shadowed()).isEqualTo(Map.of("NOTICE", List.of("second.jar")));
        assertThat(fat.multiRelease()).isTrue();
    }

    @Test
    void isMultiReleaseOnlyWhenALibraryIs() throws Exception {
        Path plain = TestJar.named("plain").entry("com/acme/Plain.class", bytes("plain")).writeTo(dir);

        assertThat(FatJar.merge(List.of(plain)).multiRelease()).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Map<String, byte[]> entries, String path) {
        return new String(entries.get(path), StandardCharsets.UTF_8);
    }
}
