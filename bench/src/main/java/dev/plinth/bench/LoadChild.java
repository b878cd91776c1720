package dev.plinth.bench;

import dev.plinth.bench.api.TextFilter;
import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginHostBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;

/**
 * One load measurement, run in a fresh JVM by {@link LoadScenario}: loads and starts every plugin jar in a
 * directory with one system, gets every {@code TextFilter} extension and calls each once (so each extension class
 * is defined, initialised and instantiated in both systems), then reads heap and metaspace with the plugins still
 * loaded; then closes (timed apart) and loads the same directory a second time in the same JVM.
 *
 * <p>Arguments: {@code plinth|plinth-first|plinth-cached|plinth-noverify|plinth-deps|pf4j <dir> <n>}. Plinth keeps
 * its shadow copies in {@code <dir>-shadows} (filled by untimed earlier children, as for a restart), except
 * {@code plinth-first} and {@code plinth-deps}, which copy every jar into a temporary work directory (a first start).
 */
public final class LoadChild {
    private LoadChild() {
    }

    /** Runs one measurement and prints its {@code RESULT} line. */
    public static void main(String[] args) throws Exception {
        String system = args[0];
        Path dir = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        Memory before = Memory.settled();
        long t0 = System.nanoTime();
        Loaded first = load(system, dir, n);
        long firstNanos = System.nanoTime() - t0;
        Memory loaded = Memory.settled();
        long c0 = System.nanoTime();
        first.close();
        long closeNanos = System.nanoTime() - c0;
        long t1 = System.nanoTime();
        Loaded second = load(system, dir, n);
        long secondNanos = System.nanoTime() - t1;
        second.close();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("system", system);
        out.put("n", n);
        out.put("loadMs", firstNanos / 1_000_000.0);
        out.put("secondLoadMs", secondNanos / 1_000_000.0);
        out.put("closeMs", closeNanos / 1_000_000.0);
        out.put("heapDelta", loaded.heapUsed() - before.heapUsed());
        out.put("metaspaceDelta", loaded.metaspaceUsed() - before.metaspaceUsed());
        out.put("classesDelta", loaded.loadedClasses() - before.loadedClasses());
        Forked.print(out);
    }

    /** Loads, starts and calls every plugin; the returned value keeps them reachable until closed. */
    static Loaded load(String system, Path dir, int n) {
        if (system.startsWith("plinth")) {
            PluginHostBuilder builder = PluginHost.builder().sharedPackages(PluginJars.API_PACKAGE)
                    .pluginDirectory(dir).verification(!system.endsWith("noverify"))
                    .startTimeout(Duration.ofMinutes(2)).hostClassLoader(LoadChild.class.getClassLoader());
            if (system.equals("plinth-cached")) { // a cache the untimed earlier children filled
                builder.verificationCache(dir.resolveSibling(dir.getFileName() + "-cache"));
            } else {
                builder.verificationCache(false); // every run verifies: the figures are of verification
            }
            if (system.equals("plinth-first") || system.equals("plinth-deps")) {
                builder.shadowCache(false);
            } else {
                builder.shadowCache(dir.resolveSibling(dir.getFileName() + "-shadows"));
            }
            PluginHost host = builder.build();
            host.start();
            List<TextFilter> filters = host.extensions(TextFilter.class);
            return new Loaded(callEach(filters, n, system), host::close);
        }
        PluginManager pf4j = new DefaultPluginManager(dir);
        pf4j.loadPlugins();
        pf4j.startPlugins();
        List<TextFilter> filters = pf4j.getExtensions(TextFilter.class);
        return new Loaded(callEach(filters, n, system), pf4j::unloadPlugins);
    }

    private static List<TextFilter> callEach(List<TextFilter> filters, int n, String system) {
        if (filters.size() != n) {
            throw new IllegalStateException(system + ": " + filters.size() + " of " + n + " plugins serve TextFilter");
        }
        for (TextFilter f : filters) {
            if (!f.apply("ok").equals("OK")) {
                throw new IllegalStateException(system + ": " + f + " answered wrong");
            }
        }
        return filters;
    }

    /** Plugins loaded by one system, held until {@link #close}. */
    record Loaded(List<TextFilter> filters, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }
}
