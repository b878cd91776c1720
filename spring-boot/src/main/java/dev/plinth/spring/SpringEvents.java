package dev.plinth.spring;

import dev.plinth.runtime.PluginEvent;
import dev.plinth.runtime.PluginListener;
import org.springframework.context.ApplicationEventPublisher;

/** Publishes each {@link PluginEvent} as a Spring application event, for {@code @EventListener} methods. */
final class SpringEvents implements PluginListener {
    private final ApplicationEventPublisher publisher;

    SpringEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void onEvent(PluginEvent event) {
        publisher.publishEvent(event);
    }
}
