package dev.plinth.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An outline: what a host reads of a plugin it will not verify now, and how it is read whole later. */
class OutlineTest {
    private static final String FILTER = "com.acme.api.Filter";

    @TempDir
    Path dir;

    private Path plugin() throws IOException {
        Path api = TestJar.named("api").source(FILTER, "package com.acme.api; public interface Filter {"
                + " String apply(String s); }").writeTo(dir.resolve("api"));
        byte[] library = Files.readAllBytes(TestJar.named("lib").source("com.acme.lib.Util",
                "package com.acme.lib; public class Util { }").writeTo(dir.resolve("lib")));
        return TestJar.named("app").plugin("app", "1.0.0").classpath(api)
                .source("com.acme.app.Upper", "package com.acme.app; public class Upper implements"
                        + " com.acme.api.Filter { public String apply(String s) { return Helper.up(s); } }")
                .source("com.acme.app.Helper", "package com.acme.app; class Helper {"
                        + " static String up(String s) { return s.toUpperCase(); } }")
                .service(FILTER, "com.acme.app.Upper")
                .entry("lib/util.jar", library)
                .writeTo(dir);
    }

    @Test
    void anOutlineHasTheProvidersBytesAndListsTheOtherClassesWithoutThem() throws IOException {
        Path jar = plugin();

        PluginArchive outline = PluginArchive.readOutline(jar);
        PluginArchive whole = PluginArchive.read(jar);

        assertThat(outline.outline()).isTrue();
        assertThat(whole.outline()).isFalse();
        assertThat(outline.sha256()).isEqualTo(whole.sha256());
        assertThat(outline.descriptor()).isEqualTo(whole.descriptor());
        assertThat(outline.services()).isEqualTo(whole.services());
        assertThat(outline.libraries()).containsExactly("lib/util.jar").isEqualTo(whole.libraries());
        assertThat(outline.findings()).isEmpty();
        assertThat(outline.baseClass("com.acme.app.Upper").orElseThrow().bytes())
                .isEqualTo(whole.baseClass("com.acme.app.Upper").orElseThrow().bytes());
        assertThat(outline.baseClass("com.acme.app.Helper").orElseThrow().bytes()).isEmpty();
        assertThat(outline.classes()).as("a library's classes are not read")
                .containsOnlyKeys("com.acme.app.Upper", "com.acme.app.Helper");
        assertThat(whole.classes()).containsKey("com.acme.lib.Util");
        assertThat(outline.maxClassFileVersion()).isEqualTo(whole.maxClassFileVersion());
    }

    @Test
    void anOutlineIsReadWholeOnRequestAndCannotBeVerifiedAsItIs() throws IOException {
        Path jar = plugin();
        PluginArchive outline = PluginArchive.readOutline(jar);
        Verifier verifier = Verifier.forHost(HostApi.of(List.of(), List.of()));

        assertThatThrownBy(() -> verifier.verify(outline)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(outline.path() + ": an outline cannot be verified; verify what PluginArchive.read or"
                        + " PluginArchive.complete() returns");
        PluginArchive whole = outline.complete();
        assertThat(whole.outline()).isFalse();
        assertThat(whole.complete()).isSameAs(whole);
        assertThat(whole.baseClass("com.acme.app.Helper").orElseThrow().bytes()).isNotEmpty();
        assertThat(verifier.verify(whole)).isEqualTo(verifier.verify(PluginArchive.read(jar)));
    }

    @Test
    void anOutlineOfACorruptJarSaysSoAsAWholeReadDoes() throws IOException {
        Path jar = Files.write(dir.resolve("broken.jar"), new byte[] {1, 2, 3});

        assertThat(PluginArchive.readOutline(jar).findings()).extracting(Finding::code, Finding::isError)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.CORRUPT_JAR, true));
        assertThat(PluginArchive.readOutline(jar).isUnreadable()).isTrue();
    }
}
