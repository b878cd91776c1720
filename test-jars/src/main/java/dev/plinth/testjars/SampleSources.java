package dev.plinth.testjars;

/**
 * Java sources several modules' tests compile into plugins: two versions of a plugin's shared class, for tests of
 * plugins that depend on plugins.
 */
public final class SampleSources {
    /** {@code com.acme.core.Greeting} as version 1.0 of a {@code core} plugin has it: {@code hello} only. */
    public static final String GREETING_V1 = "package com.acme.core; public class Greeting {"
            + " public static String hello(String s) { return \"hello \" + s; } }";
    /** {@code com.acme.core.Greeting} of version 1.1: {@code hello} and {@code shout}. */
    public static final String GREETING_V11 = "package com.acme.core; public class Greeting {"
            + " public static String hello(String s) { return \"hello \" + s; }"
            + " public static String shout(String s) { return s.toUpperCase() + \"!\"; } }";

    private SampleSources() {
    }
}
