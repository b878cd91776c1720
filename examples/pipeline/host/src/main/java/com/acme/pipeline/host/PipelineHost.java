package com.acme.pipeline.host;

import com.acme.pipeline.api.Filter;
import com.acme.pipeline.api.Request;
import com.acme.pipeline.api.Response;
import com.acme.pipeline.api.Sink;
import dev.plinth.runtime.Isolation;
import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginWatcher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo host: loads the filter and sink plugins in a folder, prints what it loaded and what it refused, then
 * pushes sample requests through every filter into every sink.
 *
 * <p>Usage: {@code java -jar pipeline-host.jar [--set PLUGIN.KEY=VALUE]... [--process PLUGIN]... [--lock FILE]
 * [--watch [SECONDS]] PLUGIN_DIR}
 *
 * <p>With {@code --lock FILE} (written by {@code plinth lock}), only the jars the lockfile pins load.
 *
 * <p>With {@code --process PLUGIN}, that plugin runs in a child JVM of its own, behind the same interfaces.
 *
 * <p>With {@code --watch}, the host keeps running (for SECONDS, or until interrupted), watches the folder, and
 * pushes a request through the pipeline every two seconds: drop a new version of a plugin jar into the folder and
 * the next requests use it.
 */
public final class PipelineHost {
    private static final List<Request> SAMPLES = List.of(
            new Request("r1", "hello plugin world"),
            new Request("r2", "card 4111 1111 1111 1111 expires 12/29"),
            new Request("r3", "call me at 555-0100"));

    private PipelineHost() {
    }

    /** Runs the demo; exits 2 on a usage error, 0 otherwise, also when some plugins failed. */
    public static void main(String[] args) {
        Map<String, Map<String, String>> config = new LinkedHashMap<>();
        Path pluginDir = null;
        long watchSeconds = -1;
        List<String> outOfProcess = new java.util.ArrayList<>();
        Path lockfile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--set") && i + 1 < args.length) {
                String[] kv = args[++i].split("=", 2);
                String[] pk = kv[0].split("\\.", 2);
                if (kv.length != 2 || pk.length != 2) {
                    usage("--set takes PLUGIN.KEY=VALUE, got '" + args[i] + "'");
                }
                config.computeIfAbsent(pk[0], k -> new LinkedHashMap<>()).put(pk[1], kv[1]);
            } else if (args[i].equals("--process") && i + 1 < args.length) {
                outOfProcess.add(args[++i]);
            } else if (args[i].equals("--lock") && i + 1 < args.length) {
                lockfile = Path.of(args[++i]);
            } else if (args[i].equals("--watch")) {
                watchSeconds = Long.MAX_VALUE;
                if (i + 1 < args.length && args[i + 1].matches("\\d+")) {
                    watchSeconds = Long.parseLong(args[++i]);
                }
            } else if (pluginDir == null && !args[i].startsWith("-")) {
                pluginDir = Path.of(args[i]);
            } else {
                usage("unexpected argument '" + args[i] + "'");
            }
        }
        if (pluginDir == null) {
            usage("no plugin directory given");
        }
        run(pluginDir, config, outOfProcess, lockfile, watchSeconds, System.out);
    }

    static void run(Path pluginDir, Map<String, Map<String, String>> config, List<String> outOfProcess,
                    Path lockfile, long watchSeconds, PrintStream out) {
        var builder = PluginHost.builder().sharedPackages("com.acme.pipeline.api").pluginDirectory(pluginDir);
        if (lockfile != null) {
            builder.lockfile(lockfile);
        }
        config.forEach(builder::configuration);
        outOfProcess.forEach(id -> builder.isolation(id, Isolation.PROCESS));
        if (!outOfProcess.isEmpty()) {
            builder.startTimeout(java.time.Duration.ofSeconds(30)); // a child JVM's start counts too
        }
        try (PluginHost host = builder.build()) {
            host.start();
            Report.plugins(host, out);
            out.println();
            out.println("Requests (" + count(host.extensions(Filter.class).size(), "filter") + ", "
                    + count(host.extensions(Sink.class).size(), "sink") + ")");
            SAMPLES.forEach(request -> push(host, request, out));
            if (watchSeconds >= 0) {
                watch(host, pluginDir, watchSeconds, out);
            }
        }
    }

    private static void watch(PluginHost host, Path pluginDir, long seconds, PrintStream out) {
        out.println();
        out.println("Watching " + host.baseDirectory().resolve(pluginDir) + " (drop a jar in to add or reload it,"
                + " delete one to unload it; Ctrl-C to stop)");
        long deadline = seconds == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
        PluginWatcher watcher = PluginWatcher.watch(host, pluginDir);
        try {
            for (int n = 1; System.nanoTime() - deadline < 0; n++) {
                push(host, new Request("w" + n, SAMPLES.get(n % SAMPLES.size()).body()), out);
                Thread.sleep(2000); // the demo's request pace, not synchronisation
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watcher.close();
        }
    }

    /** Runs one request through every filter, in plugin-id order, then into every sink. */
    private static void push(PluginHost host, Request request, PrintStream out) {
        Request filtered = request;
        StringBuilder trail = new StringBuilder();
        for (Filter f : host.extensions(Filter.class)) {
            filtered = f.apply(filtered);
            trail.append(" -> ").append(f.name());
        }
        out.println("  " + request.id() + " \"" + request.body() + "\"" + trail + " -> \"" + filtered.body() + "\"");
        for (Sink s : host.extensions(Sink.class)) {
            Response r = s.accept(filtered);
            out.println("      " + r.sink() + ": " + r.detail());
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void usage(String problem) {
        System.err.println("pipeline-host: " + problem);
        System.err.println("usage: java -jar pipeline-host.jar [--set PLUGIN.KEY=VALUE]... [--process PLUGIN]..."
                + " [--lock FILE] [--watch [SECONDS]] PLUGIN_DIR");
        System.exit(2);
    }
}
