package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live replay {@code bin/demo} prints: real values, a legend for its tags and a closing summary. */
class GalleryTextTest {
    private static final String SHA = "29bd18453a8d0d616f553516ed3d7121a1492479864141cc6589b2872b1e9b0c";

    @Test
    void liveReplayKeepsRealPathsHashesAndJavaVersions() throws IOException {
        int major = 44 + Runtime.version().feature();
        String version = "class file version " + (major + 1) + ".0";
        try (Workspace ws = new Workspace()) {
            String text = ws.dir + "/count.jar: sha256 " + SHA;
            Workspace.verbatim = true;
            try {
                assertThat(ws.clean(text)).isEqualTo(text);
                assertThat(ToolchainVersion.relative(version)).isEqualTo(version);
            } finally {
                Workspace.verbatim = false;
            }
            assertThat(ws.clean(text)).isEqualTo("<tmp>/count.jar: sha256 <sha256>");
            assertThat(ToolchainVersion.relative(version)).isEqualTo("class file version <M+1>.0");
        }
    }

    @Test
    void legendExplainsEveryTagTheReplayUses() {
        assertThat(Table.LEGEND).contains("without Plinth:", "with Plinth:", "[codes; where]", "build (", "doctor (",
                "load (", "unload (").endsWith("\n\n");
    }

    @Test
    void summaryHasARowPerBugWithItsCodesAndWhere() {
        Outcome skew = new Outcome(Scenarios.ALL.get(0));
        skew.codes = "`api-mismatch`";
        skew.where = "doctor, load";
        Outcome leak = new Outcome(Scenarios.ALL.get(12));
        leak.codes = "`thread-leak`";
        leak.where = "doctor (hint), unload";

        assertThat(Table.summary(List.of(skew, leak)).lines().toList()).containsExactly(
                "",
                "Summary: where Plinth catches each bug, and by which finding",
                "  #  bug                        code                                             where",
                "  1  api-version-skew           api-mismatch                                     doctor, load",
                " 13  leaked-threads             thread-leak                                      doctor (hint), unload");
    }
}
