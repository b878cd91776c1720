package dev.plinth.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ground truth: what a host without Plinth does when it calls each corpus plugin once. */
class PlainHostTest {
    @TempDir
    static Path dir;
    private static Map<RealPlugin, Path> jars;
    private static Path api;

    @BeforeAll
    static void buildCorpus() throws Exception {
        jars = Corpus.build(dir);
        api = Corpus.apiClasses(dir.resolve("api-classes"));
    }

    static List<RealPlugin> goods() {
        return RealPlugin.goods();
    }

    static List<RealPlugin> skews() {
        return RealPlugin.skews();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goods")
    void pluginWhoseLibrariesFitReturnsItsOutput(RealPlugin plugin) throws Exception {
        PlainHost.Call call = PlainHost.call(api, jars.get(plugin), RealPlugin.INPUT);

        assertThat(call.failure()).isNull();
        assertThat(call.output()).isEqualTo(plugin.output().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skews")
    void pluginWithASkewFailsAtItsFirstCallWithTheJvmNamingTheMissingMember(RealPlugin plugin) throws Exception {
        PlainHost.Call call = PlainHost.call(api, jars.get(plugin), RealPlugin.INPUT);

        assertThat(call.output()).isNull();
        assertThat(call.failure()).isExactlyInstanceOf(plugin.error().orElseThrow())
                .hasMessage(plugin.message().orElseThrow())
                .hasMessageContaining(jvmForm(plugin.member().orElseThrow()));
        assertThat(siteOf(call.failure())).isEqualTo(plugin.site().orElseThrow());
    }

    /** A missing class is named in internal form ({@code a/b/C}), a missing method in source form. */
    private static String jvmForm(String member) {
        return member.endsWith(")") ? member : member.replace('.', '/');
    }

    private static String siteOf(Throwable failure) {
        return Arrays.stream(failure.getStackTrace()).filter(frame -> frame.getModuleName() == null)
                .map(frame -> frame.getClassName() + "." + frame.getMethodName()).findFirst().orElse("none");
    }
}
