package dev.plinth.spring;

import dev.plinth.runtime.PluginEvent;
import dev.plinth.spring.testapi.Greeter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** A test host application: a bean that injects the greeters once, and one that records plugin events. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class GreeterApp {

    @Bean
    Greetings greetings(Extensions<Greeter> greeters) {
        return new Greetings(greeters);
    }

    @Bean
    EventLog eventLog() {
        return new EventLog();
    }

    /** Injected once at start-up; asks its {@code Extensions} at every call. */
    static final class Greetings {
        final Extensions<Greeter> greeters;

        Greetings(Extensions<Greeter> greeters) {
            this.greeters = greeters;
        }

        List<String> of(String name) {
            return greeters.stream().map(g -> g.greet(name)).toList();
        }
    }

    /** Every plugin event the application context published, in order. */
    static final class EventLog {
        final List<PluginEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(PluginEvent event) {
            events.add(event);
        }

        List<String> summary() {
            return events.stream().map(e -> e.type() + " " + e.plugin().coordinates()).toList();
        }
    }
}
