package dev.plinth.gallery;

import com.acme.api.Filter;
import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import java.util.List;
import org.minijson.Json;

/** Bug 11: the plugin needs minijson 2.0 and bundles it; the host's class path has minijson 1.0. */
final class DependencyConflict extends Scenario {
    private static final String BUG = "11-dependency-conflict";

    DependencyConflict() {
        super(11, BUG, "Open and Lookup succeed, the first call crashes: a dependency is not what the plugin expects",
                "plugin bundles minijson 2.0, the host has 1.0 on its class path and parent-first loading picks it");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path plugins = ws.dir.resolve("plugins");
        Path quote = Sources.jar(BUG, "quote", "quote").writeTo(plugins);
        Path trim = ws.goodPlugin(plugins);

        // Without Plinth: parent-first delegation hands the plugin the host's minijson 1.0.
        List<Filter> filters = NaiveHost.loadAll(List.of(quote, trim));
        try {
            filters.get(0).apply("héllo");
        } catch (NoSuchMethodError e) {
            o.failure = e;
            o.without = ws.clean(e.toString()) + " at the first call";
        }

        // With Plinth: plugin-first for everything but the host API and the JDK; the doctor sees both versions.
        Path hostLibs = TestJar.named("host-libs").entry(Workspace.classFile(Json.class),
                Workspace.classBytes(Json.class)).writeTo(ws.dir.resolve("host"));
        o.doctor = Doctor.run(ws.dir, List.of(ws.hostApiJar(), hostLibs), List.of(quote));
        try (var host = ws.plinth().pluginDirectory(plugins).build()) {
            host.start();
            o.plugins = host.plugins();
            List<Filter> handles = host.extensions(Filter.class);
            o.fact("quote", handles.get(0).apply("héllo"));
            o.good = handles.get(1).apply("  ok  ");
        }
        o.with = ws.clean(o.doctor.first("duplicate-class").orElseThrow().header()) + "; the call returns "
                + o.facts.get("quote");
        o.codes = "`duplicate-class` (`unresolved-reference` when it is missing)";
        o.where = "doctor, load";
        return o;
    }
}
