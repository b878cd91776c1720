package dev.plinth.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginInfo;
import dev.plinth.runtime.PluginState;
import dev.plinth.verify.Finding;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runtime on real plugins, with a host class loader holding only the API: a plugin that works in a plain host
 * starts with no error and answers as it does there; a skew is refused before any of its code runs.
 */
class RuntimeVerdictTest {
    @TempDir
    Path work;

    private PluginHost host(URLClassLoader hostLoader, RealPlugin plugin) {
        return PluginHost.builder().hostClassLoader(hostLoader).sharedPackages(Corpus.API_PACKAGE)
                .workDirectory(work).plugin(BuiltCorpus.get().jars.get(plugin)).build();
    }

    @ParameterizedTest
    @EnumSource(value = RealPlugin.class, names = ".*_SKEW", mode = EnumSource.Mode.MATCH_NONE)
    void aPluginThatWorksInAPlainHostStartsAndAnswersTheSame(RealPlugin plugin) throws Exception {
        BuiltCorpus corpus = BuiltCorpus.get();
        try (URLClassLoader hostLoader = corpus.hostLoader(); PluginHost host = host(hostLoader, plugin)) {
            assertStartsAndAnswers(host, hostLoader, plugin);
        }
    }

    /** Starts the host and checks the plugin started with no error and answers as in a plain host. */
    static void assertStartsAndAnswers(PluginHost host, URLClassLoader hostLoader, RealPlugin plugin)
            throws Exception {
        host.start();
        PluginInfo info = host.plugin(plugin.id()).orElseThrow();
        Class<?> filterType = hostLoader.loadClass(Corpus.FILTER);
        Method apply = filterType.getMethod("apply", String.class);
        List<?> filters = host.extensions(filterType);

        assertThat(info.findings().stream().filter(Finding::isError).map(Finding::toString)).isEmpty();
        assertThat(info.state()).isEqualTo(PluginState.STARTED);
        assertThat(filters).hasSize(1);
        assertThat(apply.invoke(filters.get(0), RealPlugin.INPUT)).isEqualTo(plugin.output().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = RealPlugin.class, names = ".*_SKEW", mode = EnumSource.Mode.MATCH_ANY)
    void aSkewIsRefusedNamingWhatTheJvmWouldThrowOn(RealPlugin plugin) throws Exception {
        BuiltCorpus corpus = BuiltCorpus.get();
        try (URLClassLoader hostLoader = corpus.hostLoader(); PluginHost host = host(hostLoader, plugin)) {
            host.start();
            PluginInfo info = host.plugin(plugin.id()).orElseThrow();

            assertThat(info.state()).isEqualTo(PluginState.FAILED);
            assertThat(info.refused()).isTrue(); // refused from the jar: no plugin code ran, nothing threw
            assertThat(info.failureCause()).isEmpty();
            assertThat(info.findings()).filteredOn(Finding::isError).extracting(Finding::message)
                    .anySatisfy(m -> assertThat(m).contains(plugin.member().orElseThrow()));
            assertThat(host.extensions(hostLoader.loadClass(Corpus.FILTER))).isEmpty();
        }
    }
}
