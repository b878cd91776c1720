package dev.plinth.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plinth doctor} on a very large real jar (kotlin-compiler-embeddable, about 30,000 classes, checked alone,
 * so its missing kotlin-stdlib shows everywhere) finishes in a 512 MB heap with a grouped, bounded report.
 */
class DoctorScaleTest {
    @TempDir
    Path dir;

    @Test
    void aVeryLargeJarIsReportedInBoundedMemoryAndSpace() throws Exception {
        Path jar;
        try (var files = Files.list(Path.of(System.getProperty("plinth.corpus.large", "target/corpus-large")))) {
            jar = files.filter(f -> f.getFileName().toString().startsWith("kotlin-compiler-embeddable")).findFirst()
                    .orElseThrow();
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process doctor = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.plinth.cli.PlinthCommand", "doctor",
                "--shared-package", Corpus.API_PACKAGE, jar.toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();

        boolean ended = doctor.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            doctor.destroyForcibly();
        }
        String report = Files.readString(out, StandardCharsets.UTF_8);
        String errors = Files.readString(err, StandardCharsets.UTF_8);

        assertThat(ended).as("doctor ended within 5 minutes").isTrue();
        assertThat(errors).doesNotContain("OutOfMemoryError");
        assertThat(doctor.exitValue()).as(errors).isEqualTo(1);
        assertThat(Files.size(out)).as("report size").isLessThan(2L << 20);
        assertThat(report.lines().reduce((a, b) -> b).orElseThrow())
                .matches("1 plugin checked: \\d+ errors, \\d+ warnings, \\d+ notes");
        assertThat(report).contains("neither the plugin nor the host has kotlin.jvm.internal.Intrinsics");
    }
}
