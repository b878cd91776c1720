package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/bugs.md} honest: its table is rendered from the same outcomes the per-bug tests assert on, and
 * must match the committed page. Regenerate with {@code -Dplinth.gallery.write=true}.
 */
class GalleryTableTest {
    private static final Path DOC = Path.of(System.getProperty("plinth.gallery.doc", "../../docs/bugs.md"));

    @Test
    void everySeedBugHasARowWithBothHalvesCaptured() {
        List<Outcome> outcomes = Scenarios.ALL.stream().map(s -> Scenarios.outcome(s.number())).toList();

        assertThat(outcomes).extracting(o -> o.scenario.number())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.without).as("bug %d without Plinth", o.scenario.number()).isNotBlank();
            assertThat(o.with).as("bug %d with Plinth", o.scenario.number()).isNotBlank();
            assertThat(o.without + o.with).doesNotContain("/tmp/", System.getProperty("user.dir"));
        });
    }

    @Test
    void docsBugsMdMatchesTheCapturedOutput() throws IOException {
        List<Outcome> outcomes = Scenarios.ALL.stream().map(s -> Scenarios.outcome(s.number())).toList();
        String table = Table.markdown(outcomes);
        String document = Files.readString(DOC, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("plinth.gallery.write")) {
            String section = Table.section(document);
            document = section.isEmpty() ? document + "\n" + table : document.replace(section, table);
            Files.writeString(DOC, document, StandardCharsets.UTF_8);
        }

        assertThat(Table.section(document))
                .as("%s is out of date; regenerate it with: mvn -B -o verify -pl examples/bugs -am"
                        + " -Dplinth.gallery.write=true", DOC.toAbsolutePath().normalize())
                .isEqualTo(table);
    }
}
