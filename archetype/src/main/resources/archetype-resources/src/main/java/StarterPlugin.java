package ${package};

import dev.plinth.api.Extension;
import dev.plinth.api.Plugin;
import dev.plinth.api.PluginContext;

/**
 * The plugin's lifecycle: acquire in start, release in stop. Add your extensions next to it: public classes that
 * implement an interface of the host's API, annotated {@code @Extension}.
 */
@Extension
public final class StarterPlugin implements Plugin {
    private volatile String greeting = "";

    @Override
    public void start(PluginContext context) {
        greeting = context.configuration().getOrDefault("greeting", "hello");
        context.logger().log(System.Logger.Level.INFO, "{0} from {1}", greeting, context.pluginId());
    }

    @Override
    public void stop() {
        greeting = "";
    }

    /** What {@link #start} read from the configuration. */
    public String greeting() {
        return greeting;
    }
}
