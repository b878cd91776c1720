package dev.plinth.remote.bench;

import com.acme.api.Filter;
import com.acme.api.Responder;
import com.acme.api.Response;
import dev.plinth.api.Plugin;
import dev.plinth.remote.RemoteOptions;
import dev.plinth.remote.RemotePlugin;
import dev.plinth.testjars.TestJar;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Round-trip latency (p50/p99) and throughput of remote calls with a 64-byte String echo, against a raw Unix
 * socket ping-pong between two JVMs with the same payload, in the same run, with 1 and 8 concurrent callers. The two
 * paths alternate in {@link #ROUNDS} rounds, so a change in the machine's state during the run (where the scheduler
 * puts the threads, other load) reaches both alike.
 *
 * <p>Run: see {@code docs/benchmarks.md}. Optional arguments: calls per row (default 50000), warm-up calls per
 * path (default 200000: with 20000, the host's JIT was still compiling the eight-caller call path during the measured
 * rounds), and {@code value} to send a {@code Response} (a final class with private fields, crossing by field) each
 * way instead of the String. The host's JIT time during each measured phase is printed, so a run that was not warm
 * shows it.
 */
public final class RemoteLatencyBench {
    static final String PAYLOAD = "0123456789abcdef".repeat(4); // 64 bytes, ASCII
    static final int ROUNDS = 10;

    private RemoteLatencyBench() {
    }

    /** One measured operation on one caller's own connection or proxy. */
    interface Op {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        boolean value = args.length > 2 && args[2].equals("value"); // a Response, not a String, each way
        Path dir = Files.createTempDirectory("plinth-bench-");
        Path api = location(Filter.class);
        Path jar = TestJar.named("echo").plugin("echo", "1.0.0").classpath(api, location(Plugin.class))
                .source("bench.Echo", "package bench; public class Echo implements com.acme.api.Filter {"
                        + " public String apply(String in) { return in; } }")
                .source("bench.Respond", "package bench; public class Respond implements com.acme.api.Responder {"
                        + " public com.acme.api.Response respond(com.acme.api.Response r) {"
                        + " return com.acme.api.Response.ok(r.body()); } }")
                .service(Filter.class.getName(), "bench.Echo")
                .service(Responder.class.getName(), "bench.Respond").writeTo(dir);
        Response request = Response.ok(PAYLOAD);
        Path socket = dir.resolve("raw.sock");
        Process raw = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                RawPingPongServer.class.getName(), socket.toString()).redirectErrorStream(true).start();
        BufferedReader rawOut = new BufferedReader(new InputStreamReader(raw.getInputStream(),
                StandardCharsets.UTF_8));
        if (!"READY".equals(rawOut.readLine())) {
            throw new IllegalStateException("raw server: did not start");
        }
        List<Result> results = new ArrayList<>();
        List<Long> jit = new ArrayList<>();
        try (RemotePlugin plugin = RemotePlugin.launch(RemoteOptions.builder().jar(jar)
                .hostApiClasspath(List.of(api)).sharedPackages("com.acme.api").build())) {
            Filter echo = plugin.extensions(Filter.class).get(0);
            Responder responder = plugin.extensions(Responder.class).get(0);
            for (int callers : new int[] {1, 8}) {
                List<RawPingPongClient> clients = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    clients.add(new RawPingPongClient(socket, PAYLOAD));
                }
                List<Op> rawOps = clients.stream().<Op>map(c -> c::ping).toList();
                List<Op> remoteOps = clients.stream().<Op>map(c -> value ? () -> responder.respond(request)
                        : () -> echo.apply(PAYLOAD)).toList();
                Load.run(rawOps, warmup / callers, new Samples()); // warm both paths before measuring either
                Load.run(remoteOps, warmup / callers, new Samples());
                Samples rawSamples = new Samples();
                Samples remoteSamples = new Samples();
                long jitBefore = jitMillis();
                for (int round = 0; round < ROUNDS; round++) { // interleaved: both paths see the same machine
                    Load.run(rawOps, calls / callers / ROUNDS, rawSamples);
                    Load.run(remoteOps, calls / callers / ROUNDS, remoteSamples);
                }
                jit.add(jitMillis() - jitBefore);
                results.add(rawSamples.result("raw ping-pong", callers));
                results.add(remoteSamples.result("remote call", callers));
                for (RawPingPongClient c : clients) {
                    c.close();
                }
            }
        } finally {
            raw.destroyForcibly();
        }
        print(results, jit, calls, value);
    }

    /** The host JVM's total JIT compilation time so far. */
    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static void print(List<Result> results, List<Long> jit, int calls, boolean value) {
        System.out.printf(Locale.ROOT, "%nRemote calls vs raw Unix-socket ping-pong, %s, %d calls per row, %d"
                + " cores%n", value ? "a Response (status, 64-byte body, headers) each way"
                : "64-byte String echo", calls, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "| %-14s | %7s | %8s | %8s | %10s |%n", "path", "callers", "p50 µs",
                "p99 µs", "calls/s");
        System.out.println("|----------------|---------|----------|----------|------------|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %-14s | %7d | %8.1f | %8.1f | %10.0f |%n", r.name(), r.callers(),
                    r.p50Micros(), r.p99Micros(), r.callsPerSecond());
        }
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Result raw = results.get(i);
            Result remote = results.get(i + 1);
            System.out.printf(Locale.ROOT, "ratio remote/raw, %d caller(s): p50 %.2fx, p99 %.2fx, throughput"
                    + " %.2fx (target p50 <= 1.5x); host JIT during the measured rounds %d ms%n", raw.callers(),
                    remote.p50Micros() / raw.p50Micros(), remote.p99Micros() / raw.p99Micros(),
                    remote.callsPerSecond() / raw.callsPerSecond(), jit.get(i / 2));
        }
    }

    static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
