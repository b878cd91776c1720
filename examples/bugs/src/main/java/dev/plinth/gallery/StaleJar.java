package dev.plinth.gallery;

import com.acme.api.Filter;
import dev.plinth.runtime.PluginInfo;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Bug 7: a deploy overwrites {@code count.jar} in place while the host has it open. */
final class StaleJar extends Scenario {
    private static final String BUG = "07-stale-jar";

    StaleJar() {
        super(7, BUG, "stale .so: the host runs the old build",
                "jar overwritten while open: `ZipException`, or old code with no way to tell which bytes run");
    }

    @Override
    Outcome run(Workspace ws) throws Exception {
        Outcome o = new Outcome(this);
        Path plugins = ws.dir.resolve("plugins");
        Path count = Sources.jar(BUG, "count-v1", "count").writeTo(plugins);
        byte[] v2 = Files.readAllBytes(Sources.jar(BUG, "count-v2", "count").writeTo(ws.dir.resolve("build")));
        byte[] v1 = Files.readAllBytes(count);

        // Without Plinth: the loader keeps the jar open; `cp` over it rewrites the file its index points into.
        try (URLClassLoader loader = NaiveHost.open(count)) {
            Filter filter = NaiveHost.instantiate(loader, "com.acme.count.CountFilter");
            Files.write(count, v2); // same inode, new bytes: what cp and most deploy scripts do
            filter.apply("two words");
        } catch (LinkageError e) {
            o.failure = e;
            o.without = ws.chain(e);
        }

        // With Plinth: it loads a content-addressed shadow copy, so the deploy cannot break it, and it knows the hash.
        Files.write(count, v1);
        ws.goodPlugin(plugins);
        try (var host = ws.plinth().pluginDirectory(plugins).build()) {
            host.start();
            Filter filter = host.extensions(Filter.class).get(0);
            Files.write(count, v2);
            o.fact("afterOverwrite", filter.apply("two words"));
            PluginInfo loaded = host.plugin("count").orElseThrow();
            o.fact("loadedSha256", loaded.sha256()).fact("diskSha256", sha256(count))
                    .fact("v1Sha256", sha256(v1)).fact("reload", host.reload("count"));
            o.fact("afterReload", filter.apply("two words"));
            o.plugins = host.plugins();
            o.good = host.extensions(Filter.class).get(1).apply("  ok  ");
            o.with = "jar overwritten while loaded: calls go on (" + o.facts.get("afterOverwrite") + "); PluginInfo"
                    + " names path and sha256 of the bytes loaded (" + (loaded.sha256().equals(sha256(count))
                    ? "same as" : "differs from") + " the file now); reload -> " + o.facts.get("afterReload");
        }
        o.codes = "— (shadow copy; `jar-changed`, `lock-mismatch` to come)";
        o.where = "load";
        return o;
    }

    private static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
