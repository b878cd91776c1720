package dev.plinth.gallery;

import com.acme.api.Filter;
import java.nio.file.Path;
import java.util.List;

/** Bug 1: the plugin was compiled against host API 2.0, the host runs 1.0. */
final class ApiVersionSkew extends Scenario {
    private static final String BUG = "01-api-version-skew";

    ApiVersionSkew() {
        super(1, BUG, "plugin was built with a different version of package X",
                "plugin compiled against a newer host API than the host runs");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path apiV2 = Sources.jar(BUG, "api-v2", "api-v2").writeClassesTo(ws.dir.resolve("api-v2"));
        Path plugins = ws.dir.resolve("plugins");
        Path shout = Sources.jar(BUG, "shout", "shout", apiV2).writeTo(plugins);
        Path trim = ws.goodPlugin(plugins);

        // Without Plinth: every jar loads (the JVM links lazily); the first call into the new method fails.
        List<Filter> filters = NaiveHost.loadAll(List.of(shout, trim));
        o.fact("naiveLoaded", filters.size());
        try {
            filters.get(0).apply("hello");
        } catch (LinkageError e) {
            o.failure = e;
            o.without = ws.clean(e.toString()) + " at the first call";
        }

        // With Plinth: the doctor and the load-time check resolve every reference against the running host's API.
        o.doctor = Doctor.run(ws.dir, List.of(ws.hostApiJar()), List.of(shout, trim));
        try (var host = ws.plinth().pluginDirectory(plugins).build()) {
            host.start();
            o.plugins = host.plugins();
            o.good = host.extensions(Filter.class).get(0).apply("  ok  ");
        }
        o.with = ws.clean(o.doctor.first("api-mismatch").orElseThrow().header());
        o.codes = "`api-mismatch`";
        o.where = "doctor, load";
        return o;
    }
}
