package dev.plinth.runtime;

import java.nio.file.Path;

/** The user's cache directory for Plinth, where hosts without a work directory keep what outlives them. */
final class UserCache {
    private UserCache() {
    }

    /**
     * {@code $XDG_CACHE_HOME/plinth/<name>}, else {@code ~/.cache/plinth/<name>}; null when there is no absolute
     * home directory to use.
     */
    static Path directory(String name) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "plinth", name);
        }
        String home = System.getProperty("user.home", "");
        if (home.isBlank() || !Path.of(home).isAbsolute()) {
            return null;
        }
        return Path.of(home, ".cache", "plinth", name);
    }
}
