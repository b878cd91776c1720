package dev.plinth.runtime;

import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Sha256;
import dev.plinth.verify.Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key of a verification cache entry: the SHA-256 over every input a plugin's findings are a function of, apart
 * from what the verifier reads from the host, which the entry itself records and which is checked on every use.
 *
 * <p>The inputs: the plugin's sha256 and absolute path (findings name the path), each dependency it was checked
 * against (sha256 and path, nearest first), the shared packages, and the {@link Environment}: Plinth's version and
 * the identity of the {@code plinth-verify} code that made the findings (its jar's path and {@link FileStamp}, which
 * changes whenever its content does; the sha256 of a jar changed in the last seconds, or of a class directory), the
 * JVM's feature release (class-file versions), the JDK's boot-layer modules with their versions (which packages and
 * classes are the JDK's), its build (runtime version, vendor and home: the bytes of its {@code java.*} classes,
 * which a cache hit does not read again, see {@link Verifier#answersAlike}), and the OS and architecture (native
 * libraries). The verifier has no setting that changes its output besides these; with verification off nothing is
 * cached.
 */
final class VerificationKey {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final String FORMAT = "plinth-verification-key 2";

    private VerificationKey() {
    }

    /**
     * The key for a plugin verified against {@code dependencies}; empty when one of them could not be read (its
     * findings come from reading alone, nothing to save).
     */
    static Optional<String> of(PluginArchive plugin, List<PluginArchive> dependencies, Set<String> sharedPackages,
                               Environment environment) {
        if (plugin.isUnreadable() || plugin.sha256().isEmpty()
                || !allReadable(dependencies)) {
            return Optional.empty();
        }
        Sha256 digest = new Sha256(); // not MessageDigest: see Sha256
        field(digest, "format", FORMAT);
        field(digest, "plinth", environment.plinthVersion());
        field(digest, "plinth-code", environment.plinthCode());
        field(digest, "java", Integer.toString(environment.javaRelease()));
        field(digest, "jdk-modules", environment.jdkModules());
        field(digest, "jdk-build", environment.jdkBuild());
        field(digest, "platform", environment.os() + " " + environment.arch());
        field(digest, "shared", String.join(",", new TreeSet<>(sharedPackages)));
        field(digest, "plugin", plugin.sha256() + " " + plugin.path());
        for (PluginArchive d : dependencies) {
            field(digest, "dependency", d.sha256() + " " + d.path());
        }
        return Optional.of(digest.hexDigest());
    }

    private static boolean allReadable(List<PluginArchive> dependencies) { // a loop: it runs for every plugin
        for (PluginArchive d : dependencies) {
            if (d.isUnreadable() || d.sha256().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Length-prefixed, so that no two different lists of values hash alike. */
    private static void field(Sha256 digest, String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((name + " " + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
        digest.update((byte) '\n');
    }

    /**
     * What besides the jars and the host decides a verification's findings.
     *
     * @param plinthVersion the version of {@code plinth-verify}, {@code unknown} when its jar does not say
     * @param plinthCode    the {@code plinth-verify} jar's path and {@link FileStamp}; the sha256 of a jar that
     *                      changed less than {@link FileStamp#SETTLE} ago, or of its class directory's files
     * @param javaRelease   the JVM's feature release
     * @param jdkModules    sha256 of the boot layer's modules, {@code name@version}, sorted
     * @param jdkBuild      {@code java.runtime.version}, {@code java.vm.vendor} and {@code java.home}
     * @param os            {@code os.name}
     * @param arch          {@code os.arch}
     */
    record Environment(String plinthVersion, String plinthCode, int javaRelease, String jdkModules, String jdkBuild,
                       String os, String arch) {
        private static volatile Optional<Environment> current;

        /** This JVM's, computed once; empty when Plinth's code cannot be read to fingerprint it. */
        static Optional<Environment> current() {
            Optional<Environment> known = current;
            if (known == null) {
                known = codeDigest().map(code -> new Environment(versionOfVerify(), code, Runtime.version().feature(),
                        bootModules(), runningJdkBuild(), System.getProperty("os.name", ""),
                        System.getProperty("os.arch", "")));
                current = known;
            }
            return known;
        }

        private static Optional<String> codeDigest() {
            CodeSource source = Verifier.class.getProtectionDomain().getCodeSource();
            try {
                Path code = source == null || source.getLocation() == null ? null
                        : Path.of(source.getLocation().toURI());
                if (code != null && Files.isRegularFile(code)) { // by stamp when settled: hashing costs a start
                    Optional<FileStamp> stamp = FileStamp.of(code)
                            .filter(s -> s.settled(java.time.Instant.now(), FileStamp.SETTLE));
                    return Optional.of(stamp.isPresent() ? "jar " + code + " " + stamp.get().line()
                            : PluginArchive.sha256(code));
                }
                if (code != null && Files.isDirectory(code)) {
                    return Optional.of(directoryDigest(code));
                }
            } catch (IOException | URISyntaxException | RuntimeException e) { // e.g. a jrt: or nested URL
                LOG.debug("plinth-verify code at {} cannot be read: {}", source, e.toString());
            }
            LOG.debug("plinth-verify code at {} cannot be fingerprinted: no verification cache", source);
            return Optional.empty();
        }

        private static String directoryDigest(Path directory) throws IOException {
            Sha256 digest = new Sha256();
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    field(digest, directory.relativize(file).toString(), Sha256.hex(Files.readAllBytes(file)));
                }
            }
            return digest.hexDigest();
        }

        private static String versionOfVerify() {
            String resource = "/META-INF/maven/dev.plinth/plinth-verify/pom.properties";
            try (InputStream in = Verifier.class.getResourceAsStream(resource)) {
                if (in != null) {
                    Properties properties = new Properties();
                    properties.load(in);
                    return properties.getProperty("version", "unknown");
                }
            } catch (IOException e) {
                LOG.debug("{}: cannot be read: {}", resource, e.toString());
            }
            return "unknown";
        }

        private static String runningJdkBuild() {
            return System.getProperty("java.runtime.version", "") + " " + System.getProperty("java.vm.vendor", "")
                    + " " + System.getProperty("java.home", "");
        }

        private static String bootModules() {
            TreeSet<String> modules = new TreeSet<>();
            for (Module m : ModuleLayer.boot().modules()) {
                modules.add(m.getDescriptor().toNameAndVersion());
            }
            return Sha256.hex(String.join("\n", modules).getBytes(StandardCharsets.UTF_8));
        }
    }
}
