package dev.plinth.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a wrong {@code plinth.*} setting into Spring Boot's "APPLICATION FAILED TO START" description and action. */
public final class PlinthConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PlinthConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PlinthConfigurationException cause) {
        String description = "Plinth could not start its plugins: the setting '" + cause.property() + "' is wrong."
                + System.lineSeparator() + System.lineSeparator()
                + "    Value: " + cause.value() + System.lineSeparator()
                + "    Problem: " + cause.getMessage().substring(cause.property().length() + 2);
        return new FailureAnalysis(description, cause.action(), cause);
    }
}
