package dev.plinth.spring;

import dev.plinth.runtime.PluginHost;
import java.nio.file.Path;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.ResolvableType;

/**
 * Creates the {@link PluginHost} from the {@code plinth.*} settings, starts its plugins with the application context
 * and closes it on shutdown; any bean can inject {@code Extensions<T>} for a host API type {@code T}.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "plinth", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PlinthProperties.class)
public class PlinthAutoConfiguration {

    /** The host, built from the settings; its plugins start when the context has been refreshed. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public PluginHost plinthPluginHost(PlinthProperties properties, ApplicationContext context) {
        ClassLoader loader = context.getClassLoader() != null ? context.getClassLoader()
                : Thread.currentThread().getContextClassLoader();
        Path base = Path.of("").toAbsolutePath();
        return new HostSettings(properties, loader, base)
                .build(PluginHost.builder().listener(new SpringEvents(context)));
    }

    /** Starts the plugins on refresh, before the web server; closes the host on shutdown, after it. */
    @Bean
    PluginHostLifecycle plinthLifecycle(PluginHost host, PlinthProperties properties) {
        return new PluginHostLifecycle(host, properties);
    }

    /** A live list of the extensions of the injection point's type argument, such as {@code Extensions<Filter>}. */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    <T> Extensions<T> plinthExtensions(PluginHost host, InjectionPoint point) {
        ResolvableType declared = point.getField() != null ? ResolvableType.forField(point.getField())
                : ResolvableType.forMethodParameter(point.getMethodParameter());
        Class<?> type = declared.as(Extensions.class).getGeneric(0).resolve();
        if (type == null) {
            throw new IllegalStateException(point + ": Extensions needs its type argument, such as "
                    + "Extensions<Filter>, not a raw type or a type variable");
        }
        @SuppressWarnings("unchecked")
        Class<T> typed = (Class<T>) type;
        return new LiveExtensions<>(host, typed);
    }
}
