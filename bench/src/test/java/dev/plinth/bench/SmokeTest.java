package dev.plinth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole suite with tiny sizes (JMH in-process, one 100 ms iteration; N = 3 and 5; 5 reloads; 5 jars) so
 * the harness cannot rot. Asserts that every scenario produced sane figures, never how fast anything was.
 */
class SmokeTest {
    @TempDir
    Path dir;

    @Test
    void quickRunProducesEveryRowAndKeepsTheRemoteSection() throws Exception {
        Path docs = dir.resolve("benchmarks.md");
        Files.writeString(docs, "# Benchmarks\n\nold figures\n\n## Remote calls\n\nMeasured by the remote module's"
                + " harness; see below.\n\n| remote | 42 µs |\n");
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository");

        Report report = Main.run(new Main.Config(true, dir.resolve("work"), docs, "bench/run --quick", repository));

        assertThat(report.rows()).extracting(Row::measure).anyMatch(m -> m.startsWith("Call, x + 1"))
                .anyMatch(m -> m.startsWith("Load + start 5 plugins")).anyMatch(m -> m.startsWith("Verification"))
                .anyMatch(m -> m.startsWith("Failed calls")).anyMatch(m -> m.startsWith("Heap per plugin"));
        assertThat(report.calls().g1()).containsKeys("directTrivial", "plinthTrivial", "pf4jTrivial", "directFilter",
                "plinthFilter", "pf4jFilter", "partsSlotOnly", "partsTcclOnly");
        assertThat(report.calls().g1().values()).allSatisfy(s -> assertThat(s[0]).isPositive());
        assertThat(report.load().get("plinth", 5, "loadMs")).isPositive();
        assertThat(report.load().get("pf4j", 5, "classesDelta")).isPositive();
        assertThat(report.rows()).extracting(Row::measure)
                .anyMatch(m -> m.startsWith("Load + start 5 plugins with dependencies"));
        assertThat(report.load().get("plinth-deps", 5, "loadMs")).isPositive(); // every plugin served (LoadChild)
        assertThat(report.load().get("pf4j-deps", 5, "loadMs")).isPositive();
        assertThat(Long.parseLong(report.verify().get("warm.classes"))).isPositive();
        assertThat(report.reload()).containsEntry("failedCalls", "0").containsEntry("notReloaded", "0")
                .containsEntry("cycles", "5");
        String written = Files.readString(docs, StandardCharsets.UTF_8);
        assertThat(written).contains("| Measure | Plinth | Peer or limit | Ratio | Target | Verdict |")
                .contains("bench/run --quick").doesNotContain("old figures")
                .endsWith("## Remote calls\n\nMeasured by the remote module's harness; see below.\n\n"
                        + "| remote | 42 µs |\n");
    }

    @Test
    void resultLineRoundTrips() {
        Map<String, String> parsed = Forked.parse("RESULT system=plinth n=3 loadMs=12.5");

        assertThat(parsed).containsExactly(Map.entry("system", "plinth"), Map.entry("n", "3"),
                Map.entry("loadMs", "12.5"));
    }

    @Test
    void percentileIsNearestRank() {
        long[] nanos = {5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000};

        assertThat(ReloadChild.percentile(nanos, 50)).isEqualTo(3.0);
        assertThat(ReloadChild.percentile(nanos, 99)).isEqualTo(5.0);
        assertThat(ReloadChild.percentile(nanos, 100)).isEqualTo(5.0);
    }
}
