package dev.plinth.verify.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.plinth.verify.Finding;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.Limits;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Fuzz targets for everything Plinth reads from a plugin jar before any of its code runs: the zip itself, the
 * manifest, service files and class files. The property: reading and verifying never throw and never exceed the
 * limits — bad input is a finding. Without {@code JAZZER_FUZZ=1} these run as regression tests over the seeds in
 * {@code src/test/resources/dev/plinth/verify/fuzz/ArchiveFuzzTestInputs}; see docs/fuzzing.md for a campaign.
 */
class ArchiveFuzzTest {
    private static final Limits SMALL = new Limits(1_000, 1 << 20, 8 << 20, 200);
    private static final Verifier VERIFIER = Verifier.forHost(HostApi.of(Set.of("com.acme.api"), List.of()));

    @FuzzTest(maxDuration = "5m")
    void anyBytesAsAJar(byte[] data) throws IOException {
        check(data);
    }

    @FuzzTest(maxDuration = "5m")
    void wellFormedZipWithFuzzedDescriptorsAndClasses(FuzzedDataProvider in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "META-INF/MANIFEST.MF", in.consumeString(2_000).getBytes(StandardCharsets.UTF_8));
            put(zip, "META-INF/services/com.acme.api." + in.consumeAsciiString(20),
                    in.consumeString(500).getBytes(StandardCharsets.UTF_8));
            put(zip, "META-INF/services/dev.plinth.api.Plugin", in.consumeBytes(200));
            put(zip, "com/acme/" + in.consumeAsciiString(10) + ".class", in.consumeBytes(4_000));
            put(zip, "native/lib" + in.consumeAsciiString(5) + ".so", in.consumeRemainingAsBytes());
        } catch (IllegalArgumentException | java.util.zip.ZipException e) {
            return; // the fuzzer made a name the zip writer itself refuses: nothing to read
        }
        check(bytes.toByteArray());
    }

    private static void check(byte[] data) throws IOException {
        Path jar = Files.createTempFile("fuzz", ".jar");
        try {
            Files.write(jar, data);
            PluginArchive archive = PluginArchive.read(jar, SMALL);
            List<Finding> findings = VERIFIER.verify(archive);
            assertThat(findings).isNotNull().doesNotContainNull();
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
