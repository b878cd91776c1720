package dev.plinth.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No false positives: real, working jars from the test class path, each checked as a plugin against the JDK plus
 * the rest of the class path (its declared dependencies are there), must give no error. Jars with optional
 * dependencies that are absent here (junit-jupiter-api's Kotlin helpers, assertj's Hamcrest and JUnit 4 support, byte-buddy's JNA)
 * are left out: for them the findings are true.
 */
class RealJarsTest {
    private static List<Path> classpath() {
        String path = System.getProperty("java.class.path", "") + File.pathSeparator
                + System.getProperty("jdk.module.path", "");
        return Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of)
                .filter(Files::isRegularFile).distinct().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"asm-9", "opentest4j-", "junit-platform-commons-", "junit-platform-engine-",
        "junit-jupiter-engine-", "apiguardian-api-"})
    void workingLibraryJarHasNoErrors(String prefix) {
        List<Path> all = classpath();
        Path jar = all.stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError(prefix + "*.jar is not on the test class path: " + all));
        List<Path> rest = all.stream().filter(p -> !p.equals(jar)).toList();

        List<Finding> findings = Verifier.forHost(HostApi.of(Set.of(), rest)).verify(PluginArchive.read(jar));

        assertThat(findings.stream().filter(Finding::isError).map(Finding::toString).limit(30)).isEmpty();
    }
}
