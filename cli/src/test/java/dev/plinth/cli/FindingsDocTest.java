package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keeps {@code docs/findings.md} and the explanation resources in step with {@link FindingCode}. */
class FindingsDocTest {
    /** Surefire runs in {@code cli/}; the repository root is its parent. */
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void everyCodeHasARowInDocsFindings(FindingCode code) throws IOException {
        String doc = Files.readString(REPO.resolve("docs/findings.md"));

        String columns = "| `" + code.id() + "` | " + code.severities().stream().map(Severity::label)
                .collect(Collectors.joining(", ")) + " | " + code.seedBug() + " | "
                + String.join(", ", code.detectedAt()) + " | ";
        assertThat(doc.lines().filter(l -> l.startsWith("| `" + code.id() + "` |")))
                .as("docs/findings.md row for %s: severities, Go bug and where detected as FindingCode says",
                        code.id()).singleElement().asString().startsWith(columns);
    }

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void everyCodeHasAnExplanationResourceWithinTheHouseLimits(FindingCode code) throws IOException {
        String resource = "/dev/plinth/verify/explain/" + code.id() + ".txt";
        try (InputStream in = FindingCode.class.getResourceAsStream(resource)) {
            assertThat(in).as("resource %s", resource).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).isEqualTo(code.explanation());
            assertThat(text.lines().count()).as("lines in %s", resource).isBetween(10L, 30L);
            assertThat(text.lines()).as("lines over 100 columns in %s", resource)
                    .allMatch(line -> line.length() <= 100);
        }
    }
}
