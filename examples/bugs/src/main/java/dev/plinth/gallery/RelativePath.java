package dev.plinth.gallery;

import com.acme.api.Filter;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/** Bug 5: the host names its plugin {@code plugins/greet.jar} and is started from another directory. */
final class RelativePath extends Scenario {
    private static final String BUG = "05-relative-path";

    RelativePath() {
        super(5, BUG, "plugin.Open(\"./filter.so\"): realpath failed",
                "relative plugin path resolved against the working directory, not the app's");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path app = ws.dir.resolve("app");
        Sources.jar(BUG, "greet", "greet").writeTo(app.resolve("plugins"));
        Path relative = Path.of("plugins", "greet.jar");
        if (Files.exists(relative)) {
            throw new IllegalStateException(relative.toAbsolutePath() + " exists; run the gallery from elsewhere");
        }

        // Without Plinth: URLClassLoader accepts a missing jar; ServiceLoader finds nothing and says nothing.
        try (URLClassLoader loader = NaiveHost.open(relative)) {
            o.fact("serviceLoaderFound", ServiceLoader.load(Filter.class, loader).stream().count());
            NaiveHost.instantiate(loader, "com.acme.greet.GreetFilter");
        } catch (ClassNotFoundException e) {
            o.failure = e;
            o.without = ws.clean(e.toString()) + " (and ServiceLoader found 0 filters, silently)";
        }

        // With Plinth: the same relative path is a finding that names the absolute path and what it resolved against.
        o.doctor = Doctor.run(ws.dir, List.of(ws.hostApiJar()), List.of(relative));
        try (var host = ws.plinth().plugin(relative).build()) {
            host.start();
            o.fact("unresolved", host.findings());
        }
        try (var host = ws.plinth().baseDirectory(app).plugin(relative).build()) {
            host.start();
            o.plugins = host.plugins();
            o.good = host.extensions(Filter.class).get(0).apply("ok");
        }
        @SuppressWarnings("unchecked")
        var findings = (List<dev.plinth.verify.Finding>) o.facts.get("unresolved");
        o.with = ws.line(findings.get(0));
        o.codes = "`path-unresolved`";
        o.where = "doctor, load";
        return o;
    }
}
