package com.acme.pipeline.host;

import com.acme.pipeline.api.Filter;
import com.acme.pipeline.api.Request;
import com.acme.pipeline.api.Response;
import com.acme.pipeline.api.Sink;
import dev.plinth.runtime.PluginHost;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo host: loads the filter and sink plugins in a folder, prints what it loaded and what it refused, then
 * pushes sample requests through every filter into every sink.
 *
 * <p>Usage: {@code java -jar pipeline-host.jar [--set PLUGIN.KEY=VALUE]... PLUGIN_DIR}
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
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--set") && i + 1 < args.length) {
                String[] kv = args[++i].split("=", 2);
                String[] pk = kv[0].split("\\.", 2);
                if (kv.length != 2 || pk.length != 2) {
                    usage("--set takes PLUGIN.KEY=VALUE, got '" + args[i] + "'");
                }
                config.computeIfAbsent(pk[0], k -> new LinkedHashMap<>()).put(pk[1], kv[1]);
            } else if (pluginDir == null && !args[i].startsWith("-")) {
                pluginDir = Path.of(args[i]);
            } else {
                usage("unexpected argument '" + args[i] + "'");
            }
        }
        if (pluginDir == null) {
            usage("no plugin directory given");
        }
        run(pluginDir, config, System.out);
    }

    static void run(Path pluginDir, Map<String, Map<String, String>> config, PrintStream out) {
        var builder = PluginHost.builder().sharedPackages("com.acme.pipeline.api").pluginDirectory(pluginDir);
        config.forEach(builder::configuration);
        try (PluginHost host = builder.build()) {
            host.start();
            Report.plugins(host, out);
            List<Filter> filters = host.extensions(Filter.class);
            List<Sink> sinks = host.extensions(Sink.class);
            out.println();
            out.println("Requests (" + filters.size() + " filters, " + sinks.size() + " sinks)");
            for (Request request : SAMPLES) {
                Request filtered = request;
                StringBuilder trail = new StringBuilder();
                for (Filter f : filters) {
                    filtered = f.apply(filtered);
                    trail.append(" -> ").append(f.name());
                }
                out.println("  " + request.id() + " \"" + request.body() + "\"" + trail + " -> \"" + filtered.body()
                        + "\"");
                for (Sink s : sinks) {
                    Response r = s.accept(filtered);
                    out.println("      " + r.sink() + ": " + r.detail());
                }
            }
        }
    }

    private static void usage(String problem) {
        System.err.println("pipeline-host: " + problem);
        System.err.println("usage: java -jar pipeline-host.jar [--set PLUGIN.KEY=VALUE]... PLUGIN_DIR");
        System.exit(2);
    }
}
