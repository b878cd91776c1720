package dev.plinth.gallery;

import com.acme.api.Filter;
import java.nio.file.Path;
import java.util.List;

/** Bug 10: a library inside the plugin looks classes up through the thread context class loader. */
final class ReflectionAcrossCopies extends Scenario {
    private static final String BUG = "10-reflection-across-copies";

    ReflectionAcrossCopies() {
        super(10, BUG, "reflection on plugin types fails: same name, different type",
                "bundled library resolves plugin classes through the thread context class loader");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path plugins = ws.dir.resolve("plugins");
        Path settings = Sources.jar(BUG, "settings", "settings").writeTo(plugins);
        Path trim = ws.goodPlugin(plugins);

        // Without Plinth: the host calls on its own thread, whose context loader is the host's.
        List<Filter> filters = NaiveHost.loadAll(List.of(settings, trim));
        try {
            filters.get(0).apply("x");
        } catch (IllegalStateException e) {
            o.failure = e;
            o.without = ws.chain(e);
        }

        // With Plinth: every call through a handle runs with the plugin's loader as the context loader.
        o.doctor = Doctor.run(ws.dir, List.of(ws.hostApiJar()), List.of(settings));
        try (var host = ws.plinth().pluginDirectory(plugins).build()) {
            host.start();
            o.plugins = host.plugins();
            List<Filter> handles = host.extensions(Filter.class);
            o.fact("settings", handles.get(0).apply("ok"));
            o.good = handles.get(1).apply("  ok  ");
        }
        o.with = "no finding needed: the call works, " + o.facts.get("settings");
        o.codes = "— (TCCL set on every call into code that may read it)";
        o.where = "load (every call)";
        return o;
    }
}
