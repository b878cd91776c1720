package dev.plinth.gallery;

import com.acme.api.Filter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceConfigurationError;

/** Bug 4: a static initializer connects to a service that is not up. */
final class InitPanicked extends Scenario {
    private static final String BUG = "04-init-panicked";
    private static final String PORT = "acme.audit.port";

    InitPanicked() {
        super(4, BUG, "plugin.Open succeeds but init panicked: dial tcp: connection refused",
                "static initializer opens a socket and throws `ExceptionInInitializerError`");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path plugins = ws.dir.resolve("plugins");
        Path audit = Sources.jar(BUG, "sink", "audit").writeTo(plugins);
        Path trim = ws.goodPlugin(plugins);
        try (ServerSocket gone = new ServerSocket(0)) {
            System.setProperty(PORT, Integer.toString(gone.getLocalPort())); // closed below: connection refused
        }
        try {
            try {
                NaiveHost.loadAll(List.of(audit, trim));
            } catch (ServiceConfigurationError e) {
                o.failure = e;
                o.without = ws.chain(e);
            }

            o.doctor = Doctor.run(ws.dir, List.of(ws.hostApiJar()), List.of(audit, trim));
            try (var host = ws.plinth().pluginDirectory(plugins).build()) {
                host.start();
                o.plugins = host.plugins();
                o.good = host.extensions(Filter.class).get(0).apply("  ok  ");
            }
        } finally {
            System.clearProperty(PORT);
        }
        var failed = o.plugin("audit").findings().stream()
                .filter(f -> f.code().id().equals("static-init-failed")).findFirst().orElseThrow();
        o.with = ws.clean(o.doctor.first("static-init-io").orElseThrow().header()) + "; at load: " + ws.line(failed);
        o.codes = "`static-init-io`, `static-init-failed`";
        o.where = "doctor, load";
        return o;
    }
}
