package dev.plinth.spring;

import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.ReloadReport;
import dev.plinth.runtime.UnloadReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The {@code plugins} Actuator endpoint: {@code GET /actuator/plugins} lists every plugin with its findings,
 * {@code GET /actuator/plugins/{id}} shows one, and {@code POST /actuator/plugins/{id}} with
 * {@code {"action": "reload"}} (or {@code unload}, {@code disable}, {@code enable}) changes one. Read-only unless
 * the operator sets {@code management.endpoint.plugins.access=unrestricted}.
 */
@WebEndpoint(id = "plugins", defaultAccess = Access.READ_ONLY)
public class PluginsEndpoint {
    private static final List<String> ACTIONS = List.of("reload", "unload", "disable", "enable");

    private final PluginHost host;

    PluginsEndpoint(PluginHost host) {
        this.host = host;
    }

    /** Every plugin, ordered by path. */
    @ReadOperation
    public PluginsReport plugins() {
        return new PluginsReport(host.plugins().stream().map(PluginView::of).toList());
    }

    /** One plugin; 404 when no plugin has the id. */
    @ReadOperation
    public WebEndpointResponse<Object> plugin(@Selector String id) {
        return host.plugin(id).<WebEndpointResponse<Object>>map(p -> new WebEndpointResponse<>(PluginView.of(p)))
                .orElseGet(() -> notFound(id));
    }

    /**
     * Reloads, unloads, disables or enables one plugin; 404 for an unknown id, 400 for an unknown action, 409 when
     * the plugin's state does not allow it (such as unloading a plugin others depend on).
     */
    @WriteOperation
    public WebEndpointResponse<Object> change(@Selector String id, String action) {
        if (!ACTIONS.contains(action)) {
            return error(WebEndpointResponse.STATUS_BAD_REQUEST, "action: '" + action + "' is not one of " + ACTIONS);
        }
        if (host.plugin(id).isEmpty()) {
            return notFound(id);
        }
        try {
            Object outcome = switch (action) {
                case "reload" -> reloaded(host.reload(id));
                case "unload" -> unloaded(host.unload(id));
                case "disable" -> PluginView.of(host.disable(id));
                default -> PluginView.of(host.enable(id));
            };
            return new WebEndpointResponse<>(outcome);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return error(409, e.getMessage());
        }
    }

    private static Map<String, Object> reloaded(ReloadReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", report.pluginId());
        out.put("reloaded", report.reloaded());
        out.put("fromVersion", report.fromVersion());
        out.put("toVersion", report.toVersion());
        out.put("findings", report.findings().stream().map(PluginView.FindingView::of).toList());
        report.unloadReport().ifPresent(u -> out.put("unload", unloaded(u)));
        return out;
    }

    private static Map<String, Object> unloaded(UnloadReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", report.pluginId());
        out.put("version", report.version());
        out.put("clean", report.isClean());
        out.put("collected", report.collected());
        out.put("callsStillRunning", report.callsStillRunning());
        out.put("tookMillis", report.took().toMillis());
        out.put("findings", report.findings().stream().map(PluginView.FindingView::of).toList());
        return out;
    }

    private static WebEndpointResponse<Object> notFound(String id) {
        return error(WebEndpointResponse.STATUS_NOT_FOUND, "no plugin with id '" + id + "'");
    }

    private static WebEndpointResponse<Object> error(int status, String message) {
        return new WebEndpointResponse<>(Map.of("error", message), status);
    }

    /**
     * The answer of {@code GET /actuator/plugins}.
     *
     * @param plugins every plugin
     */
    public record PluginsReport(List<PluginView> plugins) {
    }
}
