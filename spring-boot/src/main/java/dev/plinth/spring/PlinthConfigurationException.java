package dev.plinth.spring;

/**
 * A {@code plinth.*} setting that cannot work, found when the application context starts: which setting, its value,
 * what is wrong and what to do; Spring Boot prints it as a failure analysis instead of a stack trace.
 */
public final class PlinthConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String property;
    private final String value;
    private final String action;

    PlinthConfigurationException(String property, Object value, String problem, String action) {
        super(property + ": " + problem);
        this.property = property;
        this.value = String.valueOf(value);
        this.action = action;
    }

    /** The setting, such as {@code plinth.plugins.directory}. */
    public String property() {
        return property;
    }

    /** The value it had. */
    public String value() {
        return value;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
