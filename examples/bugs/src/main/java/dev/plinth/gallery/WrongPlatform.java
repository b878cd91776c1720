package dev.plinth.gallery;

import com.acme.api.Filter;
import java.nio.file.Path;
import java.util.List;

/** Bug 9: the jar bundles a native library built on a Mac, named like a Linux one. */
final class WrongPlatform extends Scenario {
    private static final String BUG = "09-wrong-platform";

    WrongPlatform() {
        super(9, BUG, "plugin built on macOS, deployed on Linux: bad ELF interpreter",
                "bundled JNI library is a Mach-O arm64 binary; `System.load` throws `UnsatisfiedLinkError`");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path plugins = ws.dir.resolve("plugins");
        Path crc = Sources.jar(BUG, "crc", "crc").writeTo(plugins);
        Path trim = ws.goodPlugin(plugins);

        // Without Plinth: loading is fine; the first call extracts the library and the dynamic linker rejects it.
        List<Filter> filters = NaiveHost.loadAll(List.of(crc, trim));
        try {
            filters.get(0).apply("x");
        } catch (UnsatisfiedLinkError e) {
            o.failure = e;
            o.without = ws.clean(e.toString());
        }

        // With Plinth: the library's header is read from the jar; nothing is extracted or loaded.
        o.doctor = Doctor.run(ws.dir, List.of(ws.hostApiJar()), List.of(crc));
        try (var host = ws.plinth().pluginDirectory(plugins).build()) {
            host.start();
            o.plugins = host.plugins();
            o.good = host.extensions(Filter.class).get(0).apply("  ok  ");
        }
        o.with = ws.clean(o.doctor.first("native-platform").orElseThrow().header());
        o.codes = "`native-platform`";
        o.where = "doctor, load";
        return o;
    }
}
