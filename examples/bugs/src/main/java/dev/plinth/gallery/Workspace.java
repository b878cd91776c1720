package dev.plinth.gallery;

import com.acme.api.Filter;
import com.acme.api.Text;
import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginHostBuilder;
import dev.plinth.testjars.TestJar;
import dev.plinth.verify.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One scenario's temporary directory, the host API jar the doctor checks against, the good plugin that shows the
 * host stays up, and the normalisation that makes captured text deterministic.
 */
final class Workspace implements AutoCloseable {
    static final String API_PACKAGE = "com.acme.api";

    /**
     * Whether captured text keeps what changes from run to run: true for a live replay ({@link Gallery}), whose
     * reader wants the real paths and hashes; false for {@code docs/bugs.md}, which must not change between runs.
     */
    static volatile boolean verbatim;

    final Path dir;

    Workspace() throws IOException {
        this.dir = Files.createTempDirectory("plinth-gallery-").toRealPath();
    }

    /** {@code host-api.jar}: the host's {@code com.acme.api} class files, as a host project would publish them. */
    Path hostApiJar() throws IOException {
        return TestJar.named("host-api").attribute("Plinth-Shared-Packages", API_PACKAGE)
                .entry(classFile(Filter.class), classBytes(Filter.class))
                .entry(classFile(Text.class), classBytes(Text.class))
                .writeTo(dir.resolve("host"));
    }

    /** The good plugin {@code trim} in {@code folder}: a filter that strips white space. */
    Path goodPlugin(Path folder) throws IOException {
        return Sources.jar("good", "trim", "trim").writeTo(folder);
    }

    /** A Plinth host for the gallery's host API, with short time-outs and its work directory in here. */
    PluginHostBuilder plinth() {
        return PluginHost.builder().sharedPackages(API_PACKAGE)
                .hostClassLoader(Workspace.class.getClassLoader())
                .workDirectory(dir.resolve("plinth-work"))
                .startTimeout(Duration.ofSeconds(3)).stopTimeout(Duration.ofSeconds(3))
                .leakCheckTimeout(Duration.ofSeconds(3));
    }

    /**
     * One line of captured text without what changes from run to run: temp and working directories, identity
     * hashes, sha256 values, hidden-class suffixes of lambdas and source line numbers.
     */
    String clean(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        if (verbatim) {
            return line;
        }
        line = line.replace(dir.toString(), "<tmp>").replace(Path.of("").toAbsolutePath().toString(), "<cwd>");
        String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();
        return line.replaceAll(java.util.regex.Pattern.quote(tmp) + "/[A-Za-z-]+[0-9]+", "<tmp>")
                .replaceAll(" ?@[0-9a-f]{5,8}\\b", "")
                .replaceAll("\\b[0-9a-f]{64}\\b", "<sha256>")
                .replaceAll("\\$\\$Lambda[$0-9]*/0x[0-9a-f]+", "\\$\\$Lambda")
                .replaceAll("(\\.java):[0-9]+\\)", "$1)");
    }

    /** A finding as the doctor's text report heads it: {@code error[code]: message}, cleaned. */
    String line(Finding f) {
        return clean(f.severity().label() + "[" + f.code().id() + "]: " + f.message());
    }

    /** An exception and its root cause on one line, cleaned. */
    String chain(Throwable e) {
        Throwable root = e;
        StringBuilder via = new StringBuilder();
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getCause() != null) {
                via.append(root.getClass().getName()).append(" <- ");
            }
        }
        String first = e.toString().strip().lines().findFirst().orElse("");
        return root == e ? clean(first) : clean(first + " (caused by " + via + root + ")");
    }

    static String classFile(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    static byte[] classBytes(Class<?> type) {
        try (InputStream in = type.getClassLoader().getResourceAsStream(classFile(type))) {
            if (in == null) {
                throw new IllegalStateException(classFile(type) + ": not found");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
