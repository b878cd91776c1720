package dev.plinth.spring;

import dev.plinth.runtime.PluginHost;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code plugins} endpoint and the {@code plinth} health indicator, when the application has Actuator. */
@AutoConfiguration(after = PlinthAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, HealthIndicator.class})
@ConditionalOnBean(PluginHost.class)
public class PlinthActuatorAutoConfiguration {

    /** {@code /actuator/plugins}, when exposed ({@code management.endpoints.web.exposure.include}). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    public PluginsEndpoint pluginsEndpoint(PluginHost host) {
        return new PluginsEndpoint(host);
    }

    /** Health {@code plinth}: DOWN when a plugin of {@code plinth.required} is not started. */
    @Bean
    @ConditionalOnMissingBean(name = "plinthHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("plinth")
    public PluginsHealthIndicator plinthHealthIndicator(PluginHost host, PlinthProperties properties) {
        return new PluginsHealthIndicator(host, properties.getRequired());
    }
}
