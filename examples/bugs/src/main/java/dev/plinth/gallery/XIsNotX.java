package dev.plinth.gallery;

import com.acme.api.Filter;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/** Bug 3: a fat jar carries its own copy of the host API; a child-first loader defines it a second time. */
final class XIsNotX extends Scenario {
    private static final String BUG = "03-x-is-not-x";

    XIsNotX() {
        super(3, BUG, "interface conversion: X is pluginapi.Plugin, not pluginapi.Plugin",
                "fat jar bundles the host API; a child-first loader defines `Filter` twice");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path plugins = ws.dir.resolve("plugins");
        Path fat = Sources.jar(BUG, "fat", "reverse").writeTo(plugins);
        ws.goodPlugin(plugins);

        // Parent-first, the bundled copy is dead weight and nothing fails; child-first (the recipe for bug 11) it bites.
        try (URLClassLoader parentFirst = NaiveHost.open(fat)) {
            o.fact("parentFirst", NaiveHost.instantiate(parentFirst, "com.acme.fat.ReverseFilter").apply("abc"));
        }
        try (URLClassLoader childFirst = NaiveHost.openChildFirst(fat)) {
            NaiveHost.instantiate(childFirst, "com.acme.fat.ReverseFilter");
        } catch (ClassCastException e) {
            o.failure = e;
            o.without = ws.clean(e.toString());
        }

        o.doctor = Doctor.run(ws.dir, List.of(ws.hostApiJar()), List.of(fat));
        try (var host = ws.plinth().pluginDirectory(plugins).build()) {
            host.start();
            o.plugins = host.plugins();
            List<Filter> filters = host.extensions(Filter.class);
            o.fact("reverse", filters.get(0).apply("abc"));
            o.good = filters.get(1).apply("  ok  ");
        }
        o.with = ws.clean(o.doctor.first("bundled-host-api").orElseThrow().header());
        o.codes = "`bundled-host-api`";
        o.where = "build, doctor, load";
        return o;
    }
}
