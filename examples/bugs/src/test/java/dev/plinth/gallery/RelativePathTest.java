package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginState;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelativePathTest {
    private final Outcome o = Scenarios.outcome(5);

    @Test
    void withoutPlinthAMissingJarIsAcceptedSilentlyAndTheClassIsNotFound() {
        assertThat(o.facts).containsEntry("serviceLoaderFound", 0L);
        assertThat(o.failure).isInstanceOf(ClassNotFoundException.class).hasMessage("com.acme.greet.GreetFilter");
    }

    @Test
    void withPlinthTheFindingNamesTheAbsolutePathAndWhatItResolvedAgainst() {
        @SuppressWarnings("unchecked")
        List<Finding> findings = (List<Finding>) o.facts.get("unresolved");
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(findings).extracting(Finding::code, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingCode.PATH_UNRESOLVED, cwd.resolve("plugins/greet.jar")
                        + ": no such file (resolved against the working directory " + cwd + ")"));
        assertThat(findings.get(0).fix()).contains("baseDirectory");
        assertThat(o.doctor.first("path-unresolved")).isPresent();
        assertThat(o.plugin("greet").state()).isEqualTo(PluginState.STARTED);
        assertThat(o.good).isEqualTo("hello, ok");
    }
}
