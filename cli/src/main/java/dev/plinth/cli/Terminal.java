package dev.plinth.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Whether standard output is a terminal, so that text reports use colour only there and never in a file or a
 * pipe. On JDK 22 to 24 {@link System#console()} returns a console even when output is redirected, and only
 * {@code Console.isTerminal()} (JDK 22+, called reflectively: the CLI is compiled for Java 17) tells the difference;
 * before JDK 22 a console exists only on a terminal.
 */
final class Terminal {
    private Terminal() {
    }

    /** Whether colour may be used: a terminal, and {@code NO_COLOR} unset or empty. */
    static boolean colour(Object console, String noColor) {
        return (noColor == null || noColor.isEmpty()) && isTerminal(console);
    }

    /** Whether {@code console}, a {@link java.io.Console} or null, is a terminal. */
    static boolean isTerminal(Object console) {
        if (console == null) {
            return false;
        }
        Method isTerminal;
        try {
            isTerminal = console.getClass().getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22 there is no console unless both streams are a terminal
        }
        try {
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false; // when in doubt, plain text: escape codes in a captured report are worse than no colour
        }
    }
}
