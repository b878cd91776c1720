package dev.plinth.gallery;

import com.acme.api.Filter;
import dev.plinth.runtime.ReloadReport;
import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;

/** Bug 8: "reloading" a plugin whose shutdown hook pins its class loader. */
final class NoReload extends Scenario {
    private static final String BUG = "08-no-reload";

    NoReload() {
        super(8, BUG, "plugin already loaded: no reload, restart the host",
                "a new loader per reload, but the old one is never collected (a shutdown hook pins it)");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path plugins = ws.dir.resolve("plugins");
        Path v1 = Sources.jar(BUG, "metrics-v1", "metrics").writeTo(plugins);
        Path v2 = Sources.jar(BUG, "metrics-v2", "metrics").writeTo(ws.dir.resolve("next"));
        ws.goodPlugin(plugins);

        // Without Plinth: close the old loader, drop every reference, load the new jar, poll GC.
        WeakReference<ClassLoader> old = NaiveHost.loadCallAndClose(v1);
        try (URLClassLoader next = NaiveHost.open(v2)) {
            o.fact("naiveAfterReload", ServiceLoader.load(Filter.class, next).findFirst().orElseThrow().apply("x"));
        }
        boolean collected = NaiveHost.collected(old, Duration.ofSeconds(2));
        o.fact("naiveCollected", collected);
        o.without = "reload served " + o.facts.get("naiveAfterReload") + ", but the 1.0 loader is "
                + (collected ? "collected" : "still reachable 2 s after close() and repeated GCs: every reload leaks"
                + " one loader and its classes");

        // With Plinth: an atomic reload; the old generation's unload names what pinned it, removes it, proves it.
        try (var host = ws.plinth().pluginDirectory(plugins).build()) {
            host.start();
            Filter handle = host.extensions(Filter.class).get(0);
            o.fact("before", handle.apply("x"));
            ReloadReport report = host.reload("metrics", v2);
            o.reload = report;
            o.unload = report.unloadReport().orElseThrow();
            o.fact("after", handle.apply("x"));
            o.plugins = host.plugins();
            o.good = host.extensions(Filter.class).get(1).apply("  ok  ");
        }
        o.with = "reload " + o.reload.fromVersion() + " -> " + o.reload.toVersion() + ", same handle now returns "
                + o.facts.get("after") + "; " + ws.line(o.unload.findings().get(0)) + "; collected="
                + o.unload.collected();
        o.codes = "`loader-leak`";
        o.where = "unload";
        return o;
    }

}
