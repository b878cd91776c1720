package com.acme.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example application with the pipeline's real plugin jars (copied to {@code target/plugins} by the build), on
 * a real port, talked to by a real HTTP client.
 */
class SpringBootHostTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    @TempDir
    Path tmp;
    private ConfigurableApplicationContext context;
    private String base;

    private void start(String... more) throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (var jars = Files.list(Path.of("target/plugins"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--plinth.plugins.directory=" + plugins,
                "--plinth.start-timeout=20s"));
        args.addAll(List.of(more));
        context = SpringApplication.run(SpringBootHost.class, args.toArray(String[]::new));
        base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(java.time.Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> pipeline(String text) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/pipeline")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<String> action(String id, String action) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/actuator/plugins/" + id))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}")));
    }

    @Test
    void thePipelineAnswersThroughEveryFilterPlugin() throws Exception {
        start();
        HttpResponse<String> response = pipeline("card 4111 for ada");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("CARD **** FOR ADA"); // redact (mask from application.properties)
    }

    @Test
    void actuatorListsThePluginsWithTheirStatesAndFindings() throws Exception {
        start();
        HttpResponse<String> response = get("/actuator/plugins");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, JsonNode> byId = new TreeMap<>();
        JSON.readTree(response.body()).get("plugins").forEach(p -> byId.put(p.get("id").asText(), p));
        assertThat(byId).containsOnlyKeys("console-sink", "metrics-sink", "patterns", "redact", "uppercase");
        assertThat(byId.get("uppercase").get("state").asText()).isEqualTo("STARTED");
        assertThat(byId.get("uppercase").get("version").asText()).isEqualTo("1.0.0");
        assertThat(byId.get("uppercase").get("findings").isArray()).isTrue();
        // broken on purpose: its static initializer dials a metrics server that is not there
        JsonNode metrics = byId.get("metrics-sink");
        assertThat(metrics.get("state").asText()).isEqualTo("FAILED");
        assertThat(metrics.get("findings")).extracting(f -> f.get("code").asText()).contains("static-init-io");

        JsonNode health = JSON.readTree(get("/actuator/health").body());
        assertThat(health.get("status").asText()).isEqualTo("UP"); // metrics-sink is not required
        assertThat(health.get("components").get("plinth").get("details").get("plugins").get("metrics-sink").asText())
                .isEqualTo("FAILED");
    }

    @Test
    void healthIsDownWhenARequiredPluginFailed() throws Exception {
        start("--plinth.required=uppercase,metrics-sink");
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode plinth = JSON.readTree(response.body()).get("components").get("plinth");
        assertThat(plinth.get("status").asText()).isEqualTo("DOWN");
        JsonNode metrics = plinth.get("details").get("requiredNotStarted").get("metrics-sink");
        assertThat(metrics.get("state").asText()).isEqualTo("FAILED");
        assertThat(metrics.get("findings")).extracting(f -> f.get("code").asText()).contains("static-init-io");
    }

    @Test
    void reloadsThroughTheEndpointWhileClientsCallFailNoRequest() throws Exception {
        start("--management.endpoint.plugins.access=unrestricted");
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong answered = new AtomicLong();
        Map<String, Long> wrong = new ConcurrentHashMap<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread caller = new Thread(() -> {
                try {
                    while (!done.get()) {
                        HttpResponse<String> r = pipeline("pin 1234");
                        if (r.statusCode() == 200 && r.body().equals("PIN ****")) {
                            answered.incrementAndGet();
                        } else {
                            wrong.merge(r.statusCode() + " " + r.body(), 1L, Long::sum);
                        }
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    errors.add(e);
                }
            }, "caller-" + i);
            caller.start();
            callers.add(caller);
        }
        long before = waitForAnswers(answered, 20);
        for (String id : List.of("uppercase", "redact", "patterns", "uppercase", "patterns")) {
            HttpResponse<String> reload = action(id, "reload");
            assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
            assertThat(JSON.readTree(reload.body()).get("reloaded").asBoolean()).as(reload.body()).isTrue();
        }
        waitForAnswers(answered, before + 20);
        done.set(true);
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(errors).isEmpty();
        assertThat(wrong).as("requests that failed or answered wrongly").isEmpty();
        assertThat(answered.get()).isGreaterThan(before);
    }

    /** Polls, with a deadline, until at least {@code count} requests were answered; returns how many were. */
    private static long waitForAnswers(AtomicLong answered, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answered.get() < count) {
            assertThat(System.nanoTime()).as("answers by the deadline").isLessThan(deadline);
            Thread.sleep(10);
        }
        return answered.get();
    }
}
