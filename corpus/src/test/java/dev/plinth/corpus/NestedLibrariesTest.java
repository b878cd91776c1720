package dev.plinth.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginHost;
import dev.plinth.verify.Finding;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Verifier;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The corpus again, each plugin carrying its real libraries as {@code lib/*.jar} instead of merged in: the verifier
 * reads the nested jars, so the verdicts are those of the merged jars, and the runtime loads them.
 */
class NestedLibrariesTest {
    @TempDir
    Path dir;

    private PluginHost host(URLClassLoader hostLoader, Path jar) {
        return PluginHost.builder().hostClassLoader(hostLoader).sharedPackages(Corpus.API_PACKAGE)
                .workDirectory(dir.resolve("work")).plugin(jar).build();
    }

    @ParameterizedTest
    @EnumSource(value = RealPlugin.class, names = ".*_SKEW", mode = EnumSource.Mode.MATCH_NONE)
    void aPluginCarryingItsLibrariesStartsAndAnswersAsTheMergedOneDoes(RealPlugin plugin) throws Exception {
        BuiltCorpus corpus = BuiltCorpus.get();
        Path jar = Corpus.buildWithLibraries(plugin, corpus.apiClasses, dir);
        try (URLClassLoader hostLoader = corpus.hostLoader(); PluginHost host = host(hostLoader, jar)) {
            RuntimeVerdictTest.assertStartsAndAnswers(host, hostLoader, plugin);
        }
    }

    @ParameterizedTest
    @EnumSource(value = RealPlugin.class, names = ".*_SKEW", mode = EnumSource.Mode.MATCH_ANY)
    void aSkewBetweenNestedLibrariesIsRefusedNamingTheMember(RealPlugin plugin) throws Exception {
        BuiltCorpus corpus = BuiltCorpus.get();
        Path jar = Corpus.buildWithLibraries(plugin, corpus.apiClasses, dir);
        try (URLClassLoader hostLoader = corpus.hostLoader()) {
            List<Finding> errors = Verifier.forHost(HostApi.of(List.of(Corpus.API_PACKAGE), hostLoader))
                    .verify(PluginArchive.read(jar)).stream().filter(Finding::isError).toList();
            assertThat(errors).extracting(Finding::message)
                    .anySatisfy(m -> assertThat(m).contains(plugin.member().orElseThrow()));
            assertThat(errors).extracting(f -> f.location().entry()).anySatisfy(e -> assertThat(e)
                    .startsWith("lib/"));
            try (PluginHost host = host(hostLoader, jar)) {
                host.start();
                assertThat(host.plugin(plugin.id()).orElseThrow().refused()).isTrue();
            }
        }
    }
}
