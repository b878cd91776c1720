package dev.plinth.gallery;

import com.acme.api.Filter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bug 6: plugins built from one template share class names, and an old jar of one plugin is still in the folder.
 * A registry keyed by class name (or by id, last one wins) silently keeps one of them.
 */
final class OnePluginWins extends Scenario {
    private static final String BUG = "06-one-plugin-wins";

    OnePluginWins() {
        super(6, BUG, "two plugins export the same symbol; only one wins",
                "same class names in two jars, or two jars with one plugin id: a registry keeps the last");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path plugins = ws.dir.resolve("plugins");
        Path alpha = Sources.jar(BUG, "alpha", "alpha").writeTo(plugins);
        Path beta = Sources.jar(BUG, "beta", "beta").writeTo(plugins);

        // Without Plinth: both jars load, both filters are created, the map keeps one. No error anywhere.
        Map<String, Filter> registry = new LinkedHashMap<>();
        for (Filter f : NaiveHost.loadAll(List.of(alpha, beta))) {
            registry.put(f.getClass().getName(), f);
        }
        o.fact("registry", registry.values().stream().map(f -> f.apply("x")).toList());
        o.without = "2 plugins loaded, registry holds " + registry.size() + ": " + registry.entrySet().stream()
                .map(e -> e.getKey() + " -> " + e.getValue().apply("x")).toList() + " (alpha silently replaced)";

        // With Plinth: same class names are fine (one loader each); a second jar with the same id is refused.
        try (var host = ws.plinth().pluginDirectory(plugins).build()) {
            host.start();
            o.fact("sameClassNames", host.extensions(Filter.class).stream().map(f -> f.apply("x")).toList());
        }
        Path dup = ws.dir.resolve("dup");
        Path current = Sources.jar(BUG, "alpha", "alpha").writeTo(dup);
        Path old = Files.copy(current, dup.resolve("alpha-old.jar"));
        ws.goodPlugin(dup);
        o.doctor = Doctor.run(ws.dir, List.of(ws.hostApiJar()), List.of(dup));
        try (var host = ws.plinth().pluginDirectory(dup).build()) {
            host.start();
            o.plugins = host.plugins();
            o.good = host.extensions(Filter.class).get(0).apply("  ok  ");
        }
        o.fact("old", old);
        o.with = ws.clean(o.doctor.first("duplicate-plugin-id").orElseThrow().header())
                + "; alpha and beta with the same class names both serve: " + o.facts.get("sameClassNames");
        o.codes = "`duplicate-plugin-id`";
        o.where = "doctor, load";
        return o;
    }
}
