package dev.plinth.gallery;

import com.acme.api.Filter;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceConfigurationError;

/** Bug 2: the services file names a class that is not in the jar (a typo). */
final class SymbolNotFound extends Scenario {
    private static final String BUG = "02-symbol-not-found";

    SymbolNotFound() {
        super(2, BUG, "plugin: symbol Apply not found in plugin filter.so",
                "`META-INF/services` entry with a typo: the provider class does not exist");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path plugins = ws.dir.resolve("plugins");
        Path upper = Sources.jar(BUG, "upper", "upper").writeTo(plugins);
        Path trim = ws.goodPlugin(plugins);

        try {
            NaiveHost.loadAll(List.of(upper, trim));
        } catch (ServiceConfigurationError e) {
            o.failure = e;
            o.without = ws.clean(e.toString());
        }

        o.doctor = Doctor.run(ws.dir, List.of(ws.hostApiJar()), List.of(upper, trim));
        try (var host = ws.plinth().pluginDirectory(plugins).build()) {
            host.start();
            o.plugins = host.plugins();
            o.good = host.extensions(Filter.class).get(0).apply("  ok  ");
        }
        o.with = ws.clean(o.doctor.first("entry-point").orElseThrow().header());
        o.codes = "`entry-point`";
        o.where = "build, doctor, load";
        return o;
    }
}
