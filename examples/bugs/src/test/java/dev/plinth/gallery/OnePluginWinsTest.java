package dev.plinth.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginInfo;
import dev.plinth.runtime.PluginState;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnePluginWinsTest {
    private final Outcome o = Scenarios.outcome(6);

    @Test
    void withoutPlinthARegistryKeyedByClassNameKeepsOnlyTheLastPlugin() {
        assertThat(o.failure).isNull();
        assertThat(o.facts).containsEntry("registry", List.of("beta:x"));
    }

    @Test
    void withPlinthSameClassNamesBothServeAndADuplicateIdLoadsNeither() {
        assertThat(o.facts).containsEntry("sameClassNames", List.of("alpha:x", "beta:x"));
        Path old = (Path) o.facts.get("old");
        assertThat(o.doctor.first("duplicate-plugin-id").orElseThrow().message())
                .isEqualTo("alpha: plugin id declared by " + old + " and " + old.resolveSibling("alpha.jar"));
        assertThat(o.with).startsWith("error[duplicate-plugin-id]: alpha: plugin id declared by"
                + " <tmp>/dup/alpha-old.jar and <tmp>/dup/alpha.jar");
        assertThat(o.plugins).filteredOn(p -> p.id().equals("alpha")).hasSize(2).allSatisfy(p -> {
            assertThat(p.state()).isEqualTo(PluginState.FAILED);
            assertThat(p.findings()).extracting(Finding::code).containsExactly(FindingCode.DUPLICATE_PLUGIN_ID);
        });
        assertThat(o.plugins).extracting(PluginInfo::id).contains("trim");
        assertThat(o.good).isEqualTo("ok");
    }
}
