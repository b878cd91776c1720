package dev.plinth.verify;

import static dev.plinth.testjars.SampleSources.GREETING_V1;
import static dev.plinth.verify.Fixtures.FILTER_V1;
import static dev.plinth.verify.Fixtures.REQUEST_V1;
import static dev.plinth.verify.Fixtures.api;
import static dev.plinth.verify.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which plugins may be called without switching the thread context class loader: plugins whose reachable code is
 * plain Java are; those whose reachable code, or reachable code of a library they carry, consults the context class
 * loader, or calls into the host or another plugin, are not.
 */
class ContextLoaderAnalysisTest {
    private static final String SITE = "com.acme.Upper.apply(com.acme.api.Request): ";
    private static final String PLAIN = "record Pair(String a, int b) { }"
            + " enum Mode { UP, DOWN }"
            + " private final java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();"
            + " public String apply(Request r) {"
            + "   Mode m = r == null ? Mode.UP : Mode.DOWN;"
            + "   switch (m) { case UP: break; default: counts.clear(); }"
            + "   counts.merge(\"x\", 1, Integer::sum);"
            + "   java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of(\"b\", \"a\"));"
            + "   words.sort(java.util.Comparator.naturalOrder());"
            + "   Runnable later = () -> counts.put(\"y\", 2); later.run();"
            + "   try { Integer.parseInt(\"z\"); } catch (NumberFormatException e) { words.add(e.getMessage()); }"
            + "   return new Pair(\"p\", words.size()) + \" \" + m + words.stream().map(String::toUpperCase).toList();"
            + " }";

    @TempDir
    Path dir;
    private Verifier verifier;

    @BeforeEach
    void verifierForTheApi() throws Exception {
        verifier = Verifier.forHost(host(api(dir.resolve("api"), "com.acme.api.Request", REQUEST_V1,
                "com.acme.api.Filter", FILTER_V1)));
    }

    /** A plugin whose extension {@code com.acme.Upper} has {@code members}, with extra classes. */
    private ContextLoaderSwitch judge(String members, String... classesAndSources) throws Exception {
        return verification(members, List.of(), classesAndSources).contextLoaderSwitch();
    }

    private Verification verification(String members, List<PluginArchive> dependencies,
                                      String... classesAndSources) throws Exception {
        TestJar jar = TestJar.named("upper").plugin("upper", "1.0").classpath(dir.resolve("api"))
                .source("com.acme.Upper", "package com.acme; import com.acme.api.*;"
                        + " public class Upper implements Filter { " + members + " }")
                .service("com.acme.api.Filter", "com.acme.Upper");
        for (int i = 0; i < classesAndSources.length; i += 2) {
            jar.source(classesAndSources[i], classesAndSources[i + 1]);
        }
        return verifier.verification(PluginArchive.read(jar.writeTo(dir)), dependencies);
    }

    @Test
    void plainJavaIsProvenNotToNeedTheSwitch() throws Exception {
        assertThat(judge(PLAIN)).isEqualTo(new ContextLoaderSwitch(false, "the code its entry points reach neither"
                + " consults nor sets the thread context class loader"));
    }

    @Test
    void serviceLoaderLoadOfAClassReadsIt() throws Exception {
        ContextLoaderSwitch judged = judge("public String apply(Request r) {"
                + " return java.util.ServiceLoader.load(Runnable.class).findFirst().toString(); }");

        assertThat(judged).isEqualTo(ContextLoaderSwitch.needed(SITE + "calls java.util.ServiceLoader.load(Class),"
                + " which reads the thread context class loader"));
    }

    @Test
    void settingTheContextClassLoaderKeepsTheSwitchThatRestoresIt() throws Exception {
        ContextLoaderSwitch judged = judge("public String apply(Request r) {"
                + " Thread.currentThread().setContextClassLoader(null); return \"\"; }");

        assertThat(judged.reason()).isEqualTo(SITE + "calls Thread.setContextClassLoader(ClassLoader), which sets"
                + " the thread context class loader");
    }

    @Test
    void aBundledLibraryThatReadsItKeepsTheSwitchWhereReached() throws Exception {
        String library = "package org.vendor; public class Xml { public static Object factory() {"
                + " return javax.xml.parsers.DocumentBuilderFactory.newInstance(); } }";

        ContextLoaderSwitch reached = judge("public String apply(Request r) {"
                + " return String.valueOf(org.vendor.Xml.factory()); }", "org.vendor.Xml", library);
        ContextLoaderSwitch unreached = judge("public String apply(Request r) { return \"\"; }", "org.vendor.Xml",
                library);

        assertThat(reached.reason()).isEqualTo("org.vendor.Xml.factory(): calls"
                + " javax.xml.parsers.DocumentBuilderFactory.newInstance(), which reaches JDK code that reads the"
                + " thread context class loader");
        assertThat(unreached.needed()).isFalse();
    }

    @Test
    void reflectionKeepsTheSwitch() throws Exception {
        ContextLoaderSwitch judged = judge("public String apply(Request r) { try {"
                + " return String.valueOf(Class.forName(\"x.Y\").getMethod(\"run\").invoke(null)); }"
                + " catch (Exception e) { return \"\"; } }");

        assertThat(judged.reason()).isEqualTo(SITE + "calls Class.forName(String), which runs code by reflection"
                + " (not followed by the analysis)");
    }

    @Test
    void creatingAThreadKeepsTheSwitch() throws Exception {
        ContextLoaderSwitch judged = judge("public String apply(Request r) {"
                + " new Thread(() -> { }).start(); return \"\"; }");

        assertThat(judged.reason()).isEqualTo(SITE + "calls Thread.<init>(Runnable), which creates threads, and a"
                + " thread inherits the context class loader of the thread creating it");
    }

    @Test
    void callingTheHostKeepsTheSwitch() throws Exception {
        ContextLoaderSwitch judged = judge("public String apply(Request r) { return r.body(); }");

        assertThat(judged.reason()).isEqualTo(SITE + "uses com.acme.api.Request.body() of the host, whose code the"
                + " analysis does not follow");
    }

    @Test
    void callingADependencyKeepsTheSwitch() throws Exception {
        Path core = TestJar.named("core").plugin("core", "1.0.0").source("com.acme.core.Greeting", GREETING_V1)
                .writeTo(dir);
        Path coreClasses = api(dir.resolve("core-classes"), "com.acme.core.Greeting", GREETING_V1);
        TestJar jar = TestJar.named("greeter").plugin("greeter", "1.0.0")
                .attribute("Plugin-Dependencies", "core@>=1.0.0").classpath(dir.resolve("api"), coreClasses)
                .source("com.acme.Upper", "package com.acme; import com.acme.api.*; public class Upper implements"
                        + " Filter { public String apply(Request r) { return com.acme.core.Greeting.hello(\"x\"); } }")
                .service("com.acme.api.Filter", "com.acme.Upper");

        ContextLoaderSwitch judged = verifier.verification(PluginArchive.read(jar.writeTo(dir)),
                List.of(PluginArchive.read(core))).contextLoaderSwitch();

        assertThat(judged.reason()).isEqualTo(SITE + "uses com.acme.core.Greeting.hello(String) of plugin core,"
                + " whose code the analysis does not follow");
    }

    @Test
    void aDependencyItDoesNotCallDoesNotMatter() throws Exception {
        Path core = TestJar.named("core").plugin("core", "1.0.0").source("com.acme.core.Greeting", GREETING_V1)
                .writeTo(dir);

        Verification v = verification(PLAIN, List.of(PluginArchive.read(core)));

        assertThat(v.contextLoaderSwitch().needed()).isFalse();
    }

    @Test
    void aDefaultMethodOfTheExtensionInterfaceThatTheProviderInheritsKeepsTheSwitch() throws Exception {
        verifier = Verifier.forHost(host(api(dir.resolve("api"), "com.acme.api.Request", REQUEST_V1,
                "com.acme.api.Filter", "package com.acme.api; public interface Filter { String apply(Request r);"
                        + " default String name() { return \"filter\"; } }")));

        ContextLoaderSwitch inherits = judge("public String apply(Request r) { return \"\"; }");
        ContextLoaderSwitch overrides = judge("public String apply(Request r) { return \"\"; }"
                + " public String name() { return \"upper\"; }");

        assertThat(inherits.reason()).isEqualTo("com.acme.Upper: inherits com.acme.api.Filter.name(), a default"
                + " method of the host, whose code the analysis does not follow");
        assertThat(overrides.needed()).isFalse();
    }
}
