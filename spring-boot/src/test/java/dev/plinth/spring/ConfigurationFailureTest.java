package dev.plinth.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A wrong {@code plinth.*} setting stops the start with Spring Boot's failure analysis naming the setting. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFailureTest {
    @TempDir
    Path tmp;

    /** Starts the application, expecting it to fail; checks Spring Boot printed Plinth's analysis. */
    private FailureAnalysis failedStart(CapturedOutput output, String... args) {
        Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(StarterContextTest.NoPluginsApp.class)
                .web(WebApplicationType.NONE).run(args).close());
        assertThat(thrown).as("the start should fail").isNotNull();
        FailureAnalysis analysis = new PlinthConfigurationFailureAnalyzer().analyze(thrown);
        assertThat(analysis).as("Plinth's analyzer recognises " + thrown).isNotNull();
        assertThat(output.toString()).as("what Spring Boot printed").contains("APPLICATION FAILED TO START",
                analysis.getDescription(), analysis.getAction());
        return analysis;
    }

    @Test
    void aMissingPluginDirectoryIsNamedWithItsAbsolutePath(CapturedOutput output) {
        Path missing = tmp.resolve("no-such-dir");
        FailureAnalysis analysis = failedStart(output, "--plinth.plugins.directory=" + missing,
                "--plinth.shared-packages=" + Plugins.API);
        assertThat(analysis.getDescription()).isEqualTo("Plinth could not start its plugins: the setting "
                + "'plinth.plugins.directory[0]' is wrong.\n\n    Value: " + missing + "\n    Problem: no such file or "
                + "directory".replace("\n", System.lineSeparator()));
        assertThat(analysis.getAction()).startsWith("Create it, or correct the path (relative paths resolve against ");
    }

    @Test
    void aFileGivenAsPluginDirectoryIsRefused(CapturedOutput output) throws Exception {
        Path file = Files.writeString(tmp.resolve("plugins.txt"), "x");
        FailureAnalysis analysis = failedStart(output, "--plinth.plugins.directory=" + file,
                "--plinth.shared-packages=" + Plugins.API);
        assertThat(analysis.getDescription()).contains("'plinth.plugins.directory[0]'", "Problem: not a directory");
        assertThat(analysis.getAction()).contains("plinth.plugins.jars");
    }

    @Test
    void aMissingJarIsRefused(CapturedOutput output) {
        FailureAnalysis analysis = failedStart(output, "--plinth.plugins.jars=" + tmp.resolve("gone.jar"),
                "--plinth.shared-packages=" + Plugins.API);
        assertThat(analysis.getDescription()).contains("'plinth.plugins.jars[0]'", "gone.jar",
                "Problem: no such file or directory");
    }

    @Test
    void aZeroTimeOutIsRefused(CapturedOutput output) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("p"));
        FailureAnalysis analysis = failedStart(output, "--plinth.plugins.directory=" + plugins,
                "--plinth.shared-packages=" + Plugins.API, "--plinth.start-timeout=0s");
        assertThat(analysis.getDescription()).contains("'plinth.start-timeout'", "Value: 0ms",
                "Problem: must be between 1ms and 1h");
    }

    @Test
    void withoutSharedPackagesTheAnalysisSaysWhereTheyComeFrom(CapturedOutput output) throws Exception {
        FailureAnalysis analysis = failedStart(output, "--plinth.plugins.directory="
                + Files.createDirectories(tmp.resolve("p")));
        assertThat(analysis.getDescription()).contains("'plinth.shared-packages'",
                "no jar on the class path names any in its manifest's Plinth-Shared-Packages attribute");
        assertThat(analysis.getAction()).startsWith("Set plinth.shared-packages to the packages of your host API");
    }

    @Test
    void anIsolationSettingForAnUnknownPluginIsRefusedNotIgnored(CapturedOutput output) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "hello", "1.0.0", "hello", 0);
        FailureAnalysis analysis = failedStart(output, "--plinth.plugins.directory=" + plugins,
                "--plinth.shared-packages=" + Plugins.API, "--plinth.isolation.helo=PROCESS");
        assertThat(analysis.getDescription()).contains("'plinth.isolation.helo'",
                "Problem: no plugin has the id 'helo'; the plugins found are [hello]");
        assertThat(analysis.getAction()).isEqualTo("Use one of those ids, or remove the setting.");
    }

    @Test
    void aWrongChildJvmSettingIsNamedWithItsValue(CapturedOutput output) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "hello", "1.0.0", "hello", 0);
        FailureAnalysis analysis = failedStart(output, "--plinth.plugins.directory=" + plugins,
                "--plinth.shared-packages=" + Plugins.API, "--plinth.process.hello.max-heap=lots");
        assertThat(analysis.getDescription()).contains("'plinth.process.hello.max-heap'", "Value: lots",
                "Problem: maxHeap: not a heap size like 64m: lots");
    }

    @Test
    void childJvmSettingsForAnUnknownPluginAreRefused(CapturedOutput output) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "hello", "1.0.0", "hello", 0);
        FailureAnalysis analysis = failedStart(output, "--plinth.plugins.directory=" + plugins,
                "--plinth.shared-packages=" + Plugins.API, "--plinth.process.helo.max-heap=128m");
        assertThat(analysis.getDescription()).contains("'plinth.process.helo'",
                "Problem: no plugin has the id 'helo'; the plugins found are [hello]");
    }

    @Test
    void aMissingLockfileIsRefused(CapturedOutput output) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("p"));
        FailureAnalysis analysis = failedStart(output, "--plinth.plugins.directory=" + plugins,
                "--plinth.shared-packages=" + Plugins.API, "--plinth.lockfile=" + tmp.resolve("plinth.lock"));
        assertThat(analysis.getDescription()).contains("'plinth.lockfile'", "Problem: no such file");
        assertThat(analysis.getAction()).contains("plinth lock");
    }
}
