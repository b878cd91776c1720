package dev.plinth.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.cli.PlinthCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code plinth doctor} on real plugins agrees with the runtime: the working ones pass, every skew fails. */
class DoctorVerdictTest {
    private static String[] doctor(List<RealPlugin> plugins, StringWriter out) {
        BuiltCorpus corpus = BuiltCorpus.get();
        List<String> args = new ArrayList<>(List.of("doctor", "--api", corpus.apiJar.toString()));
        plugins.forEach(p -> args.add(corpus.jars.get(p).toString()));
        int exit = new CommandLine(new PlinthCommand(corpus.dir, false)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(new StringWriter(), true)).execute(args.toArray(String[]::new));
        String[] lines = out.toString().split("\n");
        return new String[] {String.valueOf(exit), lines[lines.length - 1]};
    }

    private static List<RealPlugin> plugins(boolean good) {
        return Arrays.stream(RealPlugin.values()).filter(p -> p.good() == good).toList();
    }

    @Test
    void workingPluginsPassTheDoctor() {
        StringWriter out = new StringWriter();
        String[] result = doctor(plugins(true), out);

        assertThat(result[1]).startsWith("8 plugins checked: 0 errors, ");
        assertThat(result[0]).as(out.toString()).isEqualTo("0");
    }

    @Test
    void everySkewFailsTheDoctorNamingTheMember() {
        StringWriter out = new StringWriter();
        String[] result = doctor(plugins(false), out);

        assertThat(result[0]).isEqualTo("1");
        plugins(false).forEach(p -> assertThat(out.toString()).contains(p.member().orElseThrow()));
    }
}
