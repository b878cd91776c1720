package dev.plinth.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyGraphTest {
    @TempDir
    Path dir;
    private final List<PluginArchive> archives = new ArrayList<>();

    private void plugin(String id, String version, String dependencies) throws Exception {
        TestJar jar = TestJar.named(id).plugin(id, version);
        if (dependencies != null) {
            jar.attribute("Plugin-Dependencies", dependencies);
        }
        archives.add(PluginArchive.read(jar.writeTo(dir)));
    }

    private static List<String> messages(DependencyGraph graph, String id) {
        return graph.findings(id).stream().map(f -> f.code() + ": " + f.message()).toList();
    }

    @Test
    void aDiamondStartsEveryPluginAfterWhatItNeeds() throws Exception {
        plugin("app", "1.0.0", "left, right@^2.0");
        plugin("left", "1.0.0", "base@>=1.0.0 & <2.0.0");
        plugin("right", "2.3.0", "base@~1.4");
        plugin("base", "1.4.2", null);

        DependencyGraph graph = DependencyGraph.resolve(archives, null);

        assertThat(graph.order()).containsExactly("base", "left", "right", "app");
        assertThat(graph.order().indexOf("base")).isLessThan(graph.order().indexOf("left"));
        assertThat(graph.order().indexOf("left")).isLessThan(graph.order().indexOf("app"));
        assertThat(graph.order().indexOf("right")).isLessThan(graph.order().indexOf("app"));
        assertThat(graph.visible("app")).extracting(a -> a.descriptor().id()).containsExactly("left", "right",
                "base");
        assertThat(graph.dependents("base")).containsExactly("left", "right");
        assertThat(archives).allSatisfy(a -> assertThat(graph.findings(a.descriptor().id())).isEmpty());
    }

    @Test
    void optionalDependenciesMayBeAbsentButNotInTheWrongVersion() throws Exception {
        plugin("app", "1.0.0", "audit?, metrics?@^2.0");
        plugin("metrics", "1.5.0", null);

        DependencyGraph graph = DependencyGraph.resolve(archives, null);

        assertThat(messages(graph, "app")).containsExactly("dependency-version: app: depends on metrics ^2.0,"
                + " but metrics is 1.5.0 (" + dir.resolve("metrics.jar") + ")");
        assertThat(graph.order()).containsExactly("metrics");
    }

    @Test
    void aMissingDependencyRefusesItsDependentsTransitivelyNamingWhy() throws Exception {
        plugin("app", "1.0.0", "core");
        plugin("core", "1.0.0", "nonexistent@>=2.0");
        plugin("other", "1.0.0", null);

        DependencyGraph graph = DependencyGraph.resolve(archives, null);

        assertThat(messages(graph, "core")).containsExactly("dependency-missing: core: depends on nonexistent"
                + " >=2.0, which is not among the plugins");
        assertThat(messages(graph, "app")).containsExactly("dependency-missing: app: depends on core, which"
                + " cannot load (core: depends on nonexistent >=2.0, which is not among the plugins)");
        assertThat(graph.order()).containsExactly("other");
    }

    @Test
    void cyclesOfTwoAndThreeAreNamedOnceForEachMember() throws Exception {
        plugin("a", "1.0.0", "b");
        plugin("b", "1.0.0", "a");
        plugin("x", "1.0.0", "y");
        plugin("y", "1.0.0", "z");
        plugin("z", "1.0.0", "x");
        plugin("user", "1.0.0", "z");

        DependencyGraph graph = DependencyGraph.resolve(archives, null);

        assertThat(messages(graph, "a")).containsExactly("dependency-cycle: a: plugin dependencies form a cycle:"
                + " a → b → a");
        assertThat(messages(graph, "b")).containsExactly("dependency-cycle: b: plugin dependencies form a cycle:"
                + " a → b → a");
        assertThat(messages(graph, "y")).containsExactly("dependency-cycle: y: plugin dependencies form a cycle:"
                + " x → y → z → x");
        assertThat(messages(graph, "user")).containsExactly("dependency-missing: user: depends on z, which cannot"
                + " load (z: plugin dependencies form a cycle: x → y → z → x)");
        assertThat(graph.order()).isEmpty();
    }

    @Test
    void pluginRequiresIsCheckedAgainstTheHostVersion() throws Exception {
        archives.add(PluginArchive.read(TestJar.named("old").plugin("old", "1.0.0")
                .attribute("Plugin-Requires", ">=1.0 & <2.0").writeTo(dir)));
        archives.add(PluginArchive.read(TestJar.named("new").plugin("new", "1.0.0")
                .attribute("Plugin-Requires", "^2.1").writeTo(dir)));

        DependencyGraph graph = DependencyGraph.resolve(archives, "2.3.0");

        assertThat(messages(graph, "old")).containsExactly("host-version: old: Plugin-Requires >=1.0 & <2.0"
                + " excludes this host's version 2.3.0");
        assertThat(graph.findings("new")).isEmpty();
        assertThat(DependencyGraph.resolve(archives, null).findings("old")).isEmpty();
    }

    @Test
    void pluginsRefusedLaterTakeTheirDependentsAlong() throws Exception {
        plugin("app", "1.0.0", "core");
        plugin("core", "1.0.0", null);
        DependencyGraph graph = DependencyGraph.resolve(archives, null);
        Finding broken = Finding.error(FindingCode.ENTRY_POINT, "core", Location.of(dir), "core: broken", "");

        Map<String, Finding> more = graph.refusedWith(Map.of("core", broken));

        assertThat(more).containsOnlyKeys("app");
        assertThat(more.get("app").message()).isEqualTo("app: depends on core, which cannot load (core: broken)");
    }
}
