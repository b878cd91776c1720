package dev.plinth.corpus;

/**
 * The corpus plugins' filters: each uses its library on a path a user would take, not a constant. A skew case
 * reuses its good twin's filter, so the only difference between the two jars is the library versions bundled.
 */
final class FilterSources {
    static final String SPRING = """
            package org.example.corpus.spring;

            import dev.plinth.corpus.api.Filter;
            import java.util.Map;
            import org.apache.commons.logging.Log;
            import org.apache.commons.logging.LogFactory;
            import org.springframework.core.io.DefaultResourceLoader;
            import org.springframework.util.ConcurrentReferenceHashMap;
            import org.springframework.util.StringUtils;

            public class SpringFilter implements Filter {
                public String apply(String input) {
                    Log log = LogFactory.getLog(SpringFilter.class);
                    Map<String, Integer> counts = new ConcurrentReferenceHashMap<>();
                    for (String word : StringUtils.tokenizeToStringArray(input + ", " + input, ",")) {
                        counts.merge(word, 1, Integer::sum);
                    }
                    boolean found = new DefaultResourceLoader()
                            .getResource("classpath:org/example/corpus/spring/SpringFilter.class").exists();
                    log.debug("counted " + counts);
                    return StringUtils.capitalize(input) + " " + counts + " " + found + " "
                            + log.getClass().getSimpleName();
                }
            }
            """;

    static final String OKHTTP = """
            package org.example.corpus.okhttp;

            import dev.plinth.corpus.api.Filter;
            import java.time.Duration;
            import okhttp3.Call;
            import okhttp3.HttpUrl;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            public class OkHttpFilter implements Filter {
                public String apply(String input) {
                    OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
                    HttpUrl url = HttpUrl.get("https://example.com/filter").newBuilder()
                            .addQueryParameter("q", input).build();
                    Request request = new Request.Builder().url(url).header("X-Input", input).build();
                    Call call = client.newCall(request);
                    client.dispatcher().executorService().shutdown();
                    return request.method() + " " + call.request().url() + " " + request.header("X-Input") + " "
                            + call.isExecuted();
                }
            }
            """;

    static final String LOGBACK = """
            package org.example.corpus.logback;

            import ch.qos.logback.classic.spi.ILoggingEvent;
            import ch.qos.logback.core.read.ListAppender;
            import dev.plinth.corpus.api.Filter;
            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            public class LogbackFilter implements Filter {
                public String apply(String input) {
                    Logger log = LoggerFactory.getLogger(LogbackFilter.class);
                    ch.qos.logback.classic.Logger logback = (ch.qos.logback.classic.Logger) log;
                    ListAppender<ILoggingEvent> events = new ListAppender<>();
                    events.setContext(logback.getLoggerContext());
                    events.start();
                    logback.addAppender(events);
                    log.info("filtering {}", input);
                    logback.detachAppender(events);
                    return events.list.get(0).getFormattedMessage() + " at " + events.list.get(0).getLevel();
                }
            }
            """;

    static final String GUAVA = """
            package org.example.corpus.guava;

            import com.google.common.base.CharMatcher;
            import com.google.common.base.Joiner;
            import com.google.common.collect.ImmutableList;
            import com.google.common.collect.Lists;
            import com.google.common.util.concurrent.Futures;
            import com.google.common.util.concurrent.SettableFuture;
            import dev.plinth.corpus.api.Filter;

            public class GuavaFilter implements Filter {
                public String apply(String input) {
                    ImmutableList<Character> reversed = ImmutableList.copyOf(Lists.charactersOf(input)).reverse();
                    SettableFuture<String> joined = SettableFuture.create();
                    joined.set(Joiner.on('-').join(reversed));
                    return CharMatcher.anyOf("aeiou").replaceFrom(input, '*') + " " + Futures.getUnchecked(joined);
                }
            }
            """;

    static final String NETTY = """
            package org.example.corpus.netty;

            import dev.plinth.corpus.api.Filter;
            import io.netty.buffer.ByteBuf;
            import io.netty.buffer.Unpooled;
            import io.netty.channel.embedded.EmbeddedChannel;
            import io.netty.handler.codec.LineBasedFrameDecoder;
            import io.netty.handler.codec.string.StringDecoder;
            import io.netty.handler.codec.string.StringEncoder;
            import io.netty.handler.flow.FlowControlHandler;
            import io.netty.handler.logging.LogLevel;
            import io.netty.handler.logging.LoggingHandler;
            import io.netty.util.CharsetUtil;

            public class NettyFilter implements Filter {
                public String apply(String input) {
                    EmbeddedChannel channel = new EmbeddedChannel(new LoggingHandler(LogLevel.DEBUG),
                            new LineBasedFrameDecoder(64), new FlowControlHandler(),
                            new StringDecoder(CharsetUtil.UTF_8), new StringEncoder(CharsetUtil.UTF_8));
                    String lines = input + "\\n" + input.toUpperCase() + "\\n";
                    channel.writeInbound(Unpooled.copiedBuffer(lines, CharsetUtil.UTF_8));
                    String first = channel.readInbound();
                    String second = channel.readInbound();
                    channel.writeOutbound(first + "|" + second);
                    ByteBuf out = channel.readOutbound();
                    String result = out.toString(CharsetUtil.UTF_8) + " (" + out.readableBytes() + " bytes)";
                    out.release();
                    channel.finish();
                    return result;
                }
            }
            """;

    static final String JACKSON = """
            package org.example.corpus.jackson;

            import com.fasterxml.jackson.core.JsonProcessingException;
            import com.fasterxml.jackson.databind.JsonNode;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import dev.plinth.corpus.api.Filter;
            import java.util.Map;
            import java.util.TreeMap;

            public class JacksonFilter implements Filter {
                public String apply(String input) {
                    ObjectMapper mapper = new ObjectMapper();
                    Map<String, Object> value = new TreeMap<>(Map.of("input", input, "length", input.length()));
                    try {
                        String json = mapper.writeValueAsString(value);
                        JsonNode tree = mapper.readTree(json);
                        return json + " " + tree.get("input").asText().toUpperCase() + " "
                                + tree.get("length").asInt();
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            """;

    static final String KOTLIN = """
            package org.example.corpus.kotlin;

            import dev.plinth.corpus.api.Filter;
            import kotlin.coroutines.Continuation;
            import kotlin.coroutines.EmptyCoroutineContext;
            import kotlin.jvm.functions.Function2;
            import kotlinx.coroutines.BuildersKt;
            import kotlinx.coroutines.CoroutineScope;
            import kotlinx.coroutines.CoroutineStart;
            import kotlinx.coroutines.Dispatchers;

            public class KotlinFilter implements Filter {
                public String apply(String input) {
                    Function2<CoroutineScope, Continuation<? super String>, Object> upper = (scope, continuation) ->
                            input.toUpperCase() + " on " + Thread.currentThread().getName().replaceAll("-\\\\d+$", "");
                    try {
                        return BuildersKt.runBlocking(EmptyCoroutineContext.INSTANCE, (scope, continuation) ->
                                BuildersKt.async(scope, Dispatchers.getDefault(), CoroutineStart.DEFAULT, upper)
                                        .await(continuation));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
            """;

    static final String COMPRESS = """
            package org.example.corpus.compress;

            import dev.plinth.corpus.api.Filter;
            import java.io.ByteArrayInputStream;
            import java.io.ByteArrayOutputStream;
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import java.nio.charset.StandardCharsets;
            import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
            import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
            import org.apache.commons.compress.compressors.gzip.GzipParameters;

            public class CompressFilter implements Filter {
                public String apply(String input) {
                    GzipParameters parameters = new GzipParameters();
                    parameters.setFileName(input + ".txt");
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes, parameters)) {
                        gzip.write(input.repeat(3).getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    try (GzipCompressorInputStream gunzip =
                                 new GzipCompressorInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                        String text = new String(gunzip.readAllBytes(), StandardCharsets.UTF_8);
                        return text + " from " + gunzip.getMetaData().getFileName();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            """;

    static final String GUICE = """
            package org.example.corpus.guice;

            import com.google.inject.AbstractModule;
            import com.google.inject.Guice;
            import com.google.inject.Injector;
            import com.google.inject.Key;
            import com.google.inject.name.Names;
            import dev.plinth.corpus.api.Filter;

            public class GuiceFilter implements Filter {
                public String apply(String input) {
                    Injector injector = Guice.createInjector(new AbstractModule() {
                        @Override
                        protected void configure() {
                            bind(String.class).annotatedWith(Names.named("input")).toInstance(input);
                        }
                    });
                    return injector.getInstance(Key.get(String.class, Names.named("input"))).toUpperCase();
                }
            }
            """;

    private FilterSources() {
    }
}
