package com.acme.patterns;

import java.util.regex.Pattern;

/** Patterns for the filters of other plugins, which depend on this one and share this class with it. */
public final class Patterns {
    private static final Pattern DIGIT = Pattern.compile("[0-9]");

    private Patterns() {
    }

    /** {@code text} with every digit replaced by {@code mask}. */
    public static String maskDigits(String text, String mask) {
        return DIGIT.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(mask));
    }
}
