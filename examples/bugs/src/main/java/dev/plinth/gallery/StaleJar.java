package dev.plinth.gallery;

import com.acme.api.Filter;
import dev.plinth.runtime.PluginInfo;
import dev.plinth.runtime.ReloadReport;
import dev.plinth.verify.Finding;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

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

        // With Plinth: a lockfile pins the hashes, loads come from a content-addressed shadow copy (the deploy cannot
        // break the running host), verifyIntegrity() reports the drift, and the lockfile refuses the unpinned build.
        Files.write(count, v1);
        ws.goodPlugin(plugins);
        Path lock = plugins.resolve("plinth.lock");
        o.fact("lockExit", Doctor.lock(ws.dir, plugins));
        try (var host = ws.plinth().pluginDirectory(plugins).lockfile(lock).build()) {
            host.start();
            Filter filter = host.extensions(Filter.class).get(0);
            Files.write(count, v2);
            o.fact("afterOverwrite", filter.apply("two words"));
            PluginInfo loaded = host.plugin("count").orElseThrow();
            o.fact("loadedSha256", loaded.sha256()).fact("diskSha256", sha256(count)).fact("v1Sha256", sha256(v1));
            List<Finding> drift = host.verifyIntegrity();
            ReloadReport refused = host.reload("count");
            o.fact("drift", drift).fact("refused", refused).fact("afterRefused", filter.apply("two words"));
            Doctor.lock(ws.dir, plugins); // the operator approves the new build
            o.reload = host.reload("count");
            o.fact("afterReload", filter.apply("two words"));
            o.plugins = host.plugins();
            o.good = host.extensions(Filter.class).get(1).apply("  ok  ");
            o.with = "calls go on from the shadow copy; " + ws.line(drift.get(0)) + "; reload before relocking: "
                    + ws.line(refused.findings().stream().filter(Finding::isError).findFirst().orElseThrow());
        }
        o.codes = "`jar-changed`, `lock-mismatch`";
        o.where = "load (shadow copy, lockfile), `verifyIntegrity()`";
        return o;
    }

    private static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
