package dev.plinth.spring;

import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginInfo;
import dev.plinth.runtime.PluginState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health {@code plinth}: DOWN, with the plugin's state and findings, when a plugin listed in {@code plinth.required}
 * is not {@code STARTED}; the state of every other plugin is in the details, and a failed plugin that is not required
 * leaves the health UP.
 */
public class PluginsHealthIndicator extends AbstractHealthIndicator {
    private final PluginHost host;
    private final List<String> required;

    PluginsHealthIndicator(PluginHost host, List<String> required) {
        super("plugin health check failed");
        this.host = host;
        this.required = List.copyOf(required);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> missing = new LinkedHashMap<>();
        for (String id : required) {
            Optional<PluginInfo> plugin = host.plugin(id);
            if (plugin.isEmpty()) {
                missing.put(id, Map.of("state", "NOT_FOUND", "findings", List.of()));
            } else if (plugin.get().state() != PluginState.STARTED) {
                PluginView view = PluginView.of(plugin.get());
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("state", view.state());
                detail.put("findings", view.findings());
                if (view.failure() != null) {
                    detail.put("failure", view.failure());
                }
                missing.put(id, detail);
            }
        }
        Map<String, String> states = new LinkedHashMap<>();
        host.plugins().forEach(p -> states.put(p.id(), p.state().name()));
        builder.withDetail("plugins", states).withDetail("required", required);
        if (missing.isEmpty()) {
            builder.up();
        } else {
            builder.down().withDetail("requiredNotStarted", missing);
        }
    }
}
