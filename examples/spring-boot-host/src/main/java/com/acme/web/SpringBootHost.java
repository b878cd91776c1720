package com.acme.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The pipeline example's host as a Spring Boot application. The Plinth starter loads the plugins of
 * {@code plinth.plugins.directory}; {@link PipelineController} serves them.
 */
@SpringBootApplication
public class SpringBootHost {

    /** Starts the application: {@code --server.port=PORT --plinth.plugins.directory=DIR}. */
    public static void main(String[] args) {
        SpringApplication.run(SpringBootHost.class, args);
    }
}
