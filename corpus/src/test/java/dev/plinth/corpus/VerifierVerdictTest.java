package dev.plinth.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Verifier;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The verifier on real plugins: a plugin that works in a plain host has no error; a skew that breaks it has one. */
class VerifierVerdictTest {
    private static final Verifier VERIFIER = Verifier.forHost(HostApi.of(Set.of(Corpus.API_PACKAGE),
            List.of(BuiltCorpus.get().apiClasses)));

    private static List<Finding> verify(RealPlugin plugin) {
        return VERIFIER.verify(PluginArchive.read(BuiltCorpus.get().jars.get(plugin)));
    }

    @ParameterizedTest
    @EnumSource(value = RealPlugin.class, names = ".*_SKEW", mode = EnumSource.Mode.MATCH_NONE)
    void aPluginThatWorksInAPlainHostHasNoError(RealPlugin plugin) {
        assertThat(verify(plugin).stream().filter(Finding::isError).map(Finding::toString)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = RealPlugin.class, names = ".*_SKEW", mode = EnumSource.Mode.MATCH_ANY)
    void aSkewIsAnErrorNamingWhatTheJvmThrowsOn(RealPlugin plugin) {
        String member = plugin.member().orElseThrow();

        assertThat(verify(plugin)).filteredOn(Finding::isError)
                .filteredOn(f -> f.code() == FindingCode.UNRESOLVED_REFERENCE)
                .extracting(Finding::message).anySatisfy(m -> assertThat(m).contains(member));
    }

    @ParameterizedTest
    @EnumSource(value = RealPlugin.class, names = {"JACKSON_SKEW", "GUICE_SKEW"})
    void aSkewReachedThroughTheLibraryShowsThePathFromTheExtension(RealPlugin plugin) {
        String member = plugin.member().orElseThrow();

        assertThat(verify(plugin)).filteredOn(f -> f.message().contains(member)).first()
                .extracting(Finding::message).asString()
                .contains("; reached from " + plugin.filterClass() + ".apply(String)");
    }
}
