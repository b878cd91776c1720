package dev.plinth.gallery;

import com.acme.api.Filter;
import dev.plinth.testjars.TestJar;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Bug 12: a class file one Java release newer than the running JVM. The captured text names versions relative to
 * the running JVM ({@code <N>} is its feature version, {@code <M>} its highest class-file major version) so that the
 * page reads the same on every JDK.
 */
final class ToolchainVersion extends Scenario {
    private static final String BUG = "12-toolchain-version";
    private static final String ENTRY = "com/acme/next/NextFilter.class";

    ToolchainVersion() {
        super(12, BUG, "plugin was built with a different version of package runtime",
                "class file compiled for a newer Java than the JVM runs");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path plugins = ws.dir.resolve("plugins");
        TestJar jar = Sources.jar(BUG, "next", "next");
        byte[] bytes = jar.compile().get(ENTRY);
        int newer = 44 + Runtime.version().feature() + 1; // class file major = Java feature + 44
        bytes[6] = (byte) (newer >> 8);
        bytes[7] = (byte) newer;
        Path next = jar.entry(ENTRY, bytes).writeTo(plugins);
        ws.goodPlugin(plugins);

        try (URLClassLoader loader = NaiveHost.open(next)) {
            NaiveHost.instantiate(loader, "com.acme.next.NextFilter");
        } catch (UnsupportedClassVersionError e) {
            o.failure = e;
            o.without = relative(ws.clean(e.toString()));
        }

        o.doctor = Doctor.run(ws.dir, List.of(ws.hostApiJar()), List.of(next));
        try (var host = ws.plinth().pluginDirectory(plugins).build()) {
            host.start();
            o.plugins = host.plugins();
            o.good = host.extensions(Filter.class).get(0).apply("  ok  ");
        }
        o.with = relative(ws.clean(o.doctor.first("class-version").orElseThrow().header()));
        o.codes = "`class-version`";
        o.where = "doctor, load";
        return o;
    }

    /** Replaces this JVM's version numbers with {@code <N>} (feature) and {@code <M>} (class-file major). */
    static String relative(String text) {
        if (Workspace.verbatim) {
            return text;
        }
        int feature = Runtime.version().feature();
        int major = 44 + feature;
        return text.replaceAll("\\b" + (major + 1) + "(\\.0)?\\b", "<M+1>$1")
                .replaceAll("\\b" + major + "(\\.0)?\\b", "<M>$1")
                .replaceAll("Java " + (feature + 1) + "\\b", "Java <N+1>")
                .replaceAll("Java " + feature + "\\b", "Java <N>");
    }
}
