package dev.plinth.remote;

import com.acme.api.Filter;
import dev.plinth.api.Plugin;
import dev.plinth.testjars.TestJar;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Plugin jars and options for the remote tests, built against the test host API ({@code com.acme.api}). */
final class RemoteFixtures {
    static final String API = "com.acme.api";

    private RemoteFixtures() {
    }

    /** Where the test host API lives: the test classes directory. */
    static Path apiClasspath() {
        return locationOf(Filter.class);
    }

    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plugin jar with one class {@code com.acme.<id>.<cls>} implementing {@code iface} with {@code body}. */
    static Path plugin(Path dir, String id, String version, Class<?> iface, String cls, String body)
            throws IOException {
        String pkg = "com.acme." + id.replace('-', '_');
        return TestJar.named(id + "-" + version).plugin(id, version)
                .classpath(apiClasspath(), locationOf(Plugin.class))
                .source(pkg + "." + cls, "package " + pkg + ";\n"
                        + "import com.acme.api.*;\n"
                        + "import java.util.*;\n"
                        + "public class " + cls + " implements " + iface.getName() + " {\n" + body + "\n}\n")
                .service(iface.getName(), pkg + "." + cls)
                .writeTo(dir);
    }

    /** A filter plugin whose {@code apply} body is {@code body}. */
    static Path filter(Path dir, String id, String version, String body) throws IOException {
        return plugin(dir, id, version, Filter.class, "Impl", "public String apply(String in) { " + body + " }");
    }

    /** Options tuned for tests: a quick-starting child JVM and a short restart back-off. */
    static RemoteOptions.Builder options(Path jar) {
        return RemoteOptions.builder().jar(jar).hostApiClasspath(List.of(apiClasspath())).sharedPackages(API)
                .callTimeout(Duration.ofSeconds(10)).restartBackoff(Duration.ofMillis(50), Duration.ofSeconds(1))
                .jvmOptions("-XX:TieredStopAtLevel=1", "-Xshare:auto");
    }

    /** Polls {@code condition} until it holds or {@code seconds} pass; whether it held. */
    static boolean eventually(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20); // polling interval, not synchronisation: the condition decides
        }
        return true;
    }

    static boolean processGone(long pid) {
        return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }
}
