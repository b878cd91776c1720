package dev.plinth.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus cases: plugins that bundle real Maven Central libraries, each with what a plain host sees when it
 * calls {@code apply("hello")} — the exact output of a good plugin, the exact {@link LinkageError} of a skew.
 *
 * <p>The libraries of case {@code id} are the jars the module's pom copies to {@code target/corpus-libs/<id>/}.
 * A skew reuses its good twin's filter and is compiled against the twin's libraries, as its author's build
 * compiled it before dependency mediation picked other versions to ship; only the bundled versions differ.
 */
public enum RealPlugin {
    SPRING("spring", FilterSources.SPRING, "Hello {hello=2} true JavaUtilLog"),
    OKHTTP("okhttp", FilterSources.OKHTTP, "GET https://example.com/filter?q=hello hello false"),
    LOGBACK("logback", FilterSources.LOGBACK, "filtering hello at INFO"),
    GUAVA("guava", FilterSources.GUAVA, "h*ll* o-l-l-e-h"),
    NETTY("netty", FilterSources.NETTY, "hello|HELLO (11 bytes)"),
    JACKSON("jackson", FilterSources.JACKSON, "{\"input\":\"hello\",\"length\":5} HELLO 5"),
    KOTLIN("kotlin", FilterSources.KOTLIN, "HELLO on DefaultDispatcher-worker"),
    COMPRESS("compress", FilterSources.COMPRESS, "hellohellohello from hello.txt"),

    /** jackson-databind 2.17 calls a jackson-core method that 2.12 does not have. */
    JACKSON_SKEW("jackson-skew", FilterSources.JACKSON, "jackson", NoSuchMethodError.class,
            "com.fasterxml.jackson.core.util.BufferRecycler.releaseToPool()",
            "com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString",
            "'void com.fasterxml.jackson.core.util.BufferRecycler.releaseToPool()'"),
    /** netty-handler 4.1.100's FlowControlHandler needs a netty-common class that 4.1.0 does not have. */
    NETTY_SKEW("netty-skew", FilterSources.NETTY, "netty", NoClassDefFoundError.class,
            "io.netty.util.internal.ObjectPool$ObjectCreator",
            "io.netty.handler.flow.FlowControlHandler.channelRead",
            "io/netty/util/internal/ObjectPool$ObjectCreator"),
    /**
     * slf4j 1.7 does not find logback 1.5 (no {@code StaticLoggerBinder}) and silently hands out a NOP logger;
     * the first use of a logback class then fails, because logback's {@code Logger} implements an slf4j 2 interface.
     */
    LOGBACK_SKEW("logback-skew", FilterSources.LOGBACK, "logback", NoClassDefFoundError.class,
            "org.slf4j.spi.LoggingEventAware",
            "org.example.corpus.logback.LogbackFilter.apply",
            "org/slf4j/spi/LoggingEventAware"),
    /** guice 7's static initializers call a guava 31 method that guava 20 does not have. */
    GUICE_SKEW("guice-skew", FilterSources.GUICE, "guice-skew", NoSuchMethodError.class,
            "com.google.common.collect.ImmutableMap$Builder.buildOrThrow()",
            "com.google.inject.internal.MoreTypes.<clinit>",
            "'com.google.common.collect.ImmutableMap com.google.common.collect.ImmutableMap$Builder.buildOrThrow()'");

    /** The plugin version every corpus jar declares. */
    public static final String VERSION = "1.0.0";
    /** The input a plain host passes to {@code apply}. */
    public static final String INPUT = "hello";

    private static final Pattern PACKAGE = Pattern.compile("package ([\\w.]+);");
    private static final Pattern CLASS = Pattern.compile("public class (\\w+)");

    private final String id;
    private final String source;
    private final String compiledAgainst;
    private final String output;
    private final Class<? extends LinkageError> error;
    private final String member;
    private final String site;
    private final String message;

    RealPlugin(String id, String source, String output) {
        this(id, source, id, output, null, null, null, null);
    }

    RealPlugin(String id, String source, String compiledAgainst, Class<? extends LinkageError> error, String member,
               String site, String message) {
        this(id, source, compiledAgainst, null, error, member, site, message);
    }

    RealPlugin(String id, String source, String compiledAgainst, String output, Class<? extends LinkageError> error,
               String member, String site, String message) {
        this.id = id;
        this.source = source;
        this.compiledAgainst = compiledAgainst;
        this.output = output;
        this.error = error;
        this.member = member;
        this.site = site;
        this.message = message;
    }

    /** The plugin id: {@code Plugin-Id} in the jar's manifest, and the jar's file name without {@code .jar}. */
    public String id() {
        return id;
    }

    /** The binary name of the plugin's filter, the one provider in its {@code META-INF/services} file. */
    public String filterClass() {
        return find(PACKAGE) + "." + find(CLASS);
    }

    /** The filter's Java source. */
    public String source() {
        return source;
    }

    /** The case whose libraries the filter is compiled against: itself, or a skew's good twin. */
    public RealPlugin compiledAgainst() {
        return byId(compiledAgainst);
    }

    /** True for a plugin whose bundled libraries fit together. */
    public boolean good() {
        return error == null;
    }

    /** What a plain host's {@code apply("hello")} returns; empty for a skew. */
    public Optional<String> output() {
        return Optional.ofNullable(output);
    }

    /** The exact type of what a plain host's first {@code apply} throws; empty for a good plugin. */
    public Optional<Class<? extends LinkageError>> error() {
        return Optional.ofNullable(error);
    }

    /** The class or member the JVM names in that error, as binary names ({@code a.b.C$D.m()}); empty if good. */
    public Optional<String> member() {
        return Optional.ofNullable(member);
    }

    /** The method of the top stack frame outside the JDK where that error is thrown ({@code a.b.C.m}). */
    public Optional<String> site() {
        return Optional.ofNullable(site);
    }

    /** The JVM's exact message for that error, the same on JDK 17 and 25; empty for a good plugin. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** The plugins whose bundled libraries fit together, in declaration order. */
    public static List<RealPlugin> goods() {
        return Arrays.stream(values()).filter(RealPlugin::good).toList();
    }

    /** The plugins with a real version skew between their bundled libraries, in declaration order. */
    public static List<RealPlugin> skews() {
        return Arrays.stream(values()).filter(p -> !p.good()).toList();
    }

    /** The case with this id. */
    public static RealPlugin byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + ": no such corpus case"));
    }

    private String find(Pattern pattern) {
        Matcher m = pattern.matcher(source);
        if (!m.find()) {
            throw new IllegalStateException(id + ": filter source has no " + pattern);
        }
        return m.group(1);
    }
}
