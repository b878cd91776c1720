package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlinthCommandTest {
    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: plinth [-hV] [COMMAND]\n")
                .contains("  doctor ").contains("  explain ")
                .contains("Exit codes: 0 ok, 1 findings at the failing severity or a failure, 2 usage");
    }

    @Test
    void versionNamesTheProjectVersionFromTheBuild() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("plinth " + VersionProvider.version() + "\n");
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void noSubcommandIsAUsageError() {
        Cli.Result result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("plinth: missing command\nUsage: plinth [-hV] [COMMAND]\n");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result result = Cli.run("doctor", "--frobnicate", "x.jar");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Unknown option: '--frobnicate'\n");
    }

    @Test
    void doctorHelpDocumentsEveryOption() {
        Cli.Result result = Cli.run("doctor", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--api=<jar-or-dir>", "--shared-package=<pkg>",
                "--host-classpath=<jar-or-dir>",
                "--format=text|json|sarif", "--output=FILE", "--fail-on=error|warning|never", "<jar-or-directory>");
    }
}
