package dev.plinth.runtime;

/**
 * Where a plugin's code runs: in the host's JVM behind its own class loader, or in a child JVM of its own.
 *
 * <p>{@code PROCESS} needs {@code plinth-remote} on the host's class path; the extensions the host gets implement
 * the same interfaces either way. A plugin in a child JVM cannot crash, exit or exhaust the memory of the host,
 * and is restarted when it does; its calls cost a round trip over a Unix domain socket, and arguments and results
 * must be of the types {@code plinth-remote} can encode (see docs/remote.md).
 */
public enum Isolation {
    /** In the host's JVM, in the plugin's own class loader (the default). */
    IN_PROCESS,
    /** In a child JVM started for the plugin. */
    PROCESS
}
