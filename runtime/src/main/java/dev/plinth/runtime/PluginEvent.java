package dev.plinth.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened to a plugin, with a snapshot of it at that moment.
 *
 * @param type   what happened
 * @param plugin the plugin's state right after
 * @param unload for {@code UNLOADED}, {@code RELOADED} and {@code LEAK}: the report of the generation unloaded
 * @param at     when
 * @param detail one line for {@code CRASHED} and {@code RESTARTED} (what the child process did), else null
 */
public record PluginEvent(Type type, PluginInfo plugin, UnloadReport unload, Instant at, String detail) {

    /** The unload report, for the types that have one. */
    public Optional<UnloadReport> unloadReport() {
        return Optional.ofNullable(unload);
    }

    /** The kinds of events. */
    public enum Type {
        /** A plugin started and its extensions are served. */
        LOADED,
        /** A plugin failed to resolve, start or reload; its findings say why. */
        FAILED,
        /** A new generation replaced the old one. */
        RELOADED,
        /** A plugin was unloaded. */
        UNLOADED,
        /** An unloaded generation's class loader was not collected, or it left threads or registrations. */
        LEAK,
        /** A plugin's child JVM ({@code Isolation.PROCESS}) exited or was killed; its calls in flight failed. */
        CRASHED,
        /** A new child JVM serves the plugin again after a crash. */
        RESTARTED,
        /**
         * A started plugin's jar changed on disk, or was deleted; the loaded version keeps serving from its shadow
         * copy, and the plugin's findings have a {@code jar-changed} warning with both hashes.
         */
        JAR_CHANGED
    }
}
