package dev.plinth.corpus.api;

/** The host API every corpus plugin implements: one string in, one string out. */
public interface Filter {
    /** Returns what this plugin makes of {@code input}. */
    String apply(String input);
}
