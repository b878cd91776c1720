package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import dev.plinth.verify.PluginArchive;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start levels and dependents follow the dependencies, not the order the host happens to list its plugins in. */
class DependencyLevelsTest {
    @TempDir
    Path dir;

    private PluginRecord record(String id, String... dependencies) throws Exception {
        PluginRecord r = new PluginRecord(PluginArchive.read(TestJar.named(id).plugin(id, "1.0.0").writeTo(dir)));
        r.dependencyIds = List.of(dependencies);
        return r;
    }

    private static PluginRecord started(PluginRecord r) {
        r.transition(PluginState.DISCOVERED, PluginState.RESOLVED);
        r.transition(PluginState.RESOLVED, PluginState.STARTING);
        r.startIf(() -> { });
        return r;
    }

    @Test
    void aDependentListedBeforeItsDependencyStillStartsAfterItAndIsFoundAsADependent() throws Exception {
        PluginRecord app = started(record("app", "mid"));
        PluginRecord mid = started(record("mid", "base"));
        PluginRecord base = started(record("base"));
        List<PluginRecord> appendedOutOfOrder = List.of(app, mid, base);

        assertThat(DependencyLinks.levels(appendedOutOfOrder))
                .containsExactly(List.of(base), List.of(mid), List.of(app));
        assertThat(DependencyLinks.allDependents("base", appendedOutOfOrder)).containsExactly(mid, app);
        assertThat(DependencyLinks.allDependents("mid", appendedOutOfOrder)).containsExactly(app);
    }
}
