package dev.plinth.maven;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The {@code Plinth-Build-Time} of a build: {@code project.build.outputTimestamp} when the project sets it (as
 * maven-archiver reads it: epoch seconds or ISO-8601 with an offset; one character or less means unset), so that a
 * reproducible build writes the same manifest twice; otherwise now, to the second.
 */
final class BuildTime {
    private BuildTime() {
    }

    /** Whether the project asks for reproducible output. */
    static boolean isReproducible(String outputTimestamp) {
        return outputTimestamp != null && outputTimestamp.strip().length() > 1;
    }

    /**
     * The build time, in UTC.
     *
     * @throws IllegalArgumentException when the timestamp is set but is neither form
     */
    static Instant of(String outputTimestamp, Instant now) {
        if (!isReproducible(outputTimestamp)) {
            return now.truncatedTo(ChronoUnit.SECONDS);
        }
        String value = outputTimestamp.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("project.build.outputTimestamp '" + value + "': not epoch seconds nor"
                    + " an ISO-8601 date-time with offset, e.g. 2024-01-01T00:00:00Z", e);
        }
    }

    /** The JDK to name in {@code Plinth-Build-Jdk}: the feature release alone in a reproducible build. */
    static String jdk(String outputTimestamp) {
        return isReproducible(outputTimestamp) ? System.getProperty("java.specification.version")
                : System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }
}
