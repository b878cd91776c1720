package dev.plinth.runtime;

/**
 * What a plugin's start is doing at a moment, so that a time-out names the class and the step that hung.
 *
 * @param type the binary name of the class concerned
 * @param step e.g. {@code static initializer}, {@code constructor}, {@code start(PluginContext)}
 */
record Phase(String type, String step) {
    static final Phase NONE = new Phase("", "");

    @Override
    public String toString() {
        return type + ": " + step;
    }
}
