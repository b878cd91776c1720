package dev.plinth.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plinth.runtime.PluginHost;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code /actuator/plugins} and {@code /actuator/health} over real HTTP, on a real port. */
class ActuatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    @TempDir
    Path tmp;
    private ConfigurableApplicationContext context;
    private String base;

    private PluginHost start(Path plugins, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--plinth.plugins.directory=" + plugins,
                "--plinth.shared-packages=" + Plugins.API, "--plinth.start-timeout=20s",
                "--management.endpoints.web.exposure.include=health,plugins",
                "--management.endpoint.health.show-components=always",
                "--management.endpoint.health.show-details=always"));
        args.addAll(List.of(more));
        context = new SpringApplicationBuilder(GreeterApp.class).web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
        base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        return context.getBean(PluginHost.class);
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePluginsEndpointListsEveryPluginWithItsFindings() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path hello = Plugins.greeter(plugins, "a-hello", "1.0.0", "hello", 0);
        Plugins.failingToStart(plugins, "broken", "no database");
        PluginHost host = start(plugins);

        HttpResponse<String> response = get("/actuator/plugins");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body()).get("plugins");
        assertThat(list).hasSize(2);
        JsonNode first = list.get(0);
        assertThat(first.get("id").asText()).isEqualTo("a-hello");
        assertThat(first.get("version").asText()).isEqualTo("1.0.0");
        assertThat(first.get("state").asText()).isEqualTo("STARTED");
        assertThat(first.get("path").asText()).isEqualTo(hello.toRealPath().toString());
        assertThat(first.get("sha256").asText()).isEqualTo(host.plugin("a-hello").orElseThrow().sha256());
        assertThat(first.get("findings").isArray()).isTrue();
        JsonNode broken = list.get(1);
        assertThat(broken.get("state").asText()).isEqualTo("FAILED");
        assertThat(broken.get("refused").asBoolean()).isFalse();
        assertThat(broken.get("failure").asText()).isEqualTo("java.lang.IllegalStateException: no database");
        assertThat(broken.get("findings").get(0).get("code").asText()).isEqualTo("start-failed");
        assertThat(broken.get("findings").get(0).get("severity").asText()).isEqualTo("error");

        assertThat(JSON.readTree(get("/actuator/plugins/broken").body()).get("state").asText()).isEqualTo("FAILED");
        HttpResponse<String> unknown = get("/actuator/plugins/nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"no plugin with id 'nope'\"}");
    }

    @Test
    void changesThroughTheEndpointAreOffUntilTheOperatorAllowsThem() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "a-hello", "1.0.0", "hello", 0);
        PluginHost host = start(plugins);

        HttpResponse<String> refused = post("/actuator/plugins/a-hello", "{\"action\":\"unload\"}");
        assertThat(refused.statusCode()).isIn(404, 405);
        assertThat(host.plugin("a-hello").orElseThrow().state().name()).isEqualTo("STARTED");
    }

    @Test
    void anAllowedOperatorReloadsAndUnloadsById() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = Plugins.greeter(plugins, "a-hello", "1.0.0", "hello", 0);
        PluginHost host = start(plugins, "--management.endpoint.plugins.access=unrestricted");
        GreeterApp.Greetings greetings = context.getBean(GreeterApp.Greetings.class);

        // a new build of the jar in place, then a reload by id from the operator
        Files.delete(jar);
        Files.move(Plugins.greeter(Files.createDirectories(tmp.resolve("v2")), "a-hello", "2.0.0", "HELLO", 0), jar);
        HttpResponse<String> reload = post("/actuator/plugins/a-hello", "{\"action\":\"reload\"}");
        assertThat(reload.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(reload.body());
        assertThat(report.get("reloaded").asBoolean()).isTrue();
        assertThat(report.get("fromVersion").asText()).isEqualTo("1.0.0");
        assertThat(report.get("toVersion").asText()).isEqualTo("2.0.0");
        assertThat(report.get("unload").get("version").asText()).isEqualTo("1.0.0");
        assertThat(greetings.of("Ada")).containsExactly("HELLO Ada");

        HttpResponse<String> badAction = post("/actuator/plugins/a-hello", "{\"action\":\"restart\"}");
        assertThat(badAction.statusCode()).isEqualTo(400);
        assertThat(badAction.body()).isEqualTo(
                "{\"error\":\"action: 'restart' is not one of [reload, unload, disable, enable]\"}");
        assertThat(post("/actuator/plugins/nope", "{\"action\":\"reload\"}").statusCode()).isEqualTo(404);

        HttpResponse<String> unload = post("/actuator/plugins/a-hello", "{\"action\":\"unload\"}");
        assertThat(unload.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(unload.body()).get("version").asText()).isEqualTo("2.0.0");
        assertThat(greetings.of("Ada")).isEmpty();
        assertThat(host.plugin("a-hello")).isEmpty();
        assertThat(post("/actuator/plugins/a-hello", "{\"action\":\"unload\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnloadThatTheHostRefusesAnswersConflictWithItsReason() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "base", "1.0.0", "hello", 0);
        Plugins.dependent(plugins, "uses-base", "base");
        start(plugins, "--management.endpoint.plugins.access=unrestricted");

        HttpResponse<String> refused = post("/actuator/plugins/base", "{\"action\":\"unload\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).isEqualTo("{\"error\":\"unload: plugin base has dependents that are started "
                + "(uses-base); unload them first\"}");
    }

    @Test
    void healthIsDownWithTheFindingsWhenARequiredPluginDidNotStart() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "a-hello", "1.0.0", "hello", 0);
        Plugins.failingToStart(plugins, "broken", "no database");
        start(plugins, "--plinth.required=a-hello,broken");

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode plinth = JSON.readTree(health.body()).get("components").get("plinth");
        assertThat(plinth.get("status").asText()).isEqualTo("DOWN");
        JsonNode broken = plinth.get("details").get("requiredNotStarted").get("broken");
        assertThat(broken.get("state").asText()).isEqualTo("FAILED");
        assertThat(broken.get("failure").asText()).isEqualTo("java.lang.IllegalStateException: no database");
        assertThat(broken.get("findings").get(0).get("code").asText()).isEqualTo("start-failed");
        assertThat(plinth.get("details").get("requiredNotStarted").has("a-hello")).isFalse();
    }

    @Test
    void aFailedPluginThatIsNotRequiredLeavesHealthUp() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Plugins.greeter(plugins, "a-hello", "1.0.0", "hello", 0);
        Plugins.failingToStart(plugins, "broken", "no database");
        start(plugins, "--plinth.required=a-hello");

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode plinth = JSON.readTree(health.body()).get("components").get("plinth");
        assertThat(plinth.get("status").asText()).isEqualTo("UP");
        assertThat(plinth.get("details").get("plugins").get("broken").asText()).isEqualTo("FAILED");
    }
}
