package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.FindingCode;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExplainCommandTest {
    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void everyCodeIsExplainedWithItsTitleSeedBugAndLongForm(FindingCode code) {
        Cli.Result result = Cli.run("explain", code.id());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith(code.id() + ": " + code.title() + "\n"
                + "mirrors Go plugin bug " + code.seedBug() + ": " + SeedBug.title(code.seedBug()) + "\n"
                + "severity " + String.join(", ", code.severities().stream().map(s -> s.label()).toList())
                + "; detected at " + String.join(", ", code.detectedAt()) + "\n\n"
                + code.explanation().strip() + "\n");
    }

    @Test
    void codesAreMatchedIgnoringCase() {
        Cli.Result result = Cli.run("explain", "Entry-Point");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("entry-point: a ServiceLoader entry cannot be instantiated\n"
                + "mirrors Go plugin bug 2: symbol not found\n"
                + "severity error, warning; detected at build, doctor, load\n");
    }

    @Test
    void unknownCodeIsAUsageErrorListingTheKnownCodes() {
        Cli.Result result = Cli.run("explain", "entry-points");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("plinth explain: unknown code 'entry-points'\n"
                + "did you mean entry-point?\n"
                + "known codes: " + String.join(", ", ExplainCommand.byBug().stream().map(FindingCode::id).toList())
                + "\n");
        for (FindingCode code : FindingCode.values()) {
            assertThat(result.err()).contains(code.id());
        }
    }

    @Test
    void unrelatedWordGetsNoSuggestion() {
        Cli.Result result = Cli.run("explain", "banana");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("plinth explain: unknown code 'banana'\nknown codes: ");
    }

    @Test
    void listPrintsATableOfEveryCode() {
        Cli.Result result = Cli.run("explain", "--list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("CODE                  BUG  TITLE\n"
                + "api-mismatch            1  plugin uses a host API member the host does not have\n");
        assertThat(result.out().lines()).hasSize(FindingCode.values().length + 1);
        assertThat(result.out()).contains("stop-failed             8  plugin's stop threw or did not return in"
                + " time\n");
    }

    @Test
    void listIsOrderedByGoBugThenCode() {
        Cli.Result result = Cli.run("explain", "--list");

        List<String> listed = result.out().lines().skip(1).map(line -> line.split(" +")[0]).toList();
        assertThat(listed).startsWith("api-mismatch").containsSubsequence("descriptor-invalid", "entry-point",
                "bundled-host-api", "duplicate-class", "init-timeout", "start-failed", "static-init-failed",
                "path-unresolved", "duplicate-plugin-id", "corrupt-jar", "jar-changed", "lock-mismatch");
        assertThat(listed.stream().map(id -> FindingCode.byId(id).orElseThrow()).toList())
                .isSortedAccordingTo(Comparator.comparingInt(FindingCode::seedBug).thenComparing(FindingCode::id));
    }

    @Test
    void neitherCodeNorListIsAUsageError() {
        Cli.Result result = Cli.run("explain");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("missing <code>: give a finding code such as entry-point, or --list"
                + " for all of them\n");
    }

    @Test
    void bothCodeAndListIsAUsageError() {
        Cli.Result result = Cli.run("explain", "--list", "entry-point");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("give either a code or --list, not both\n");
    }
}
