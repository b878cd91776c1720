package dev.plinth.runtime;

import java.util.Set;

/**
 * A per-plugin setting of the host ({@code isolation(id, ...)}, {@code processOptions(id, ...)}) names an id that no
 * plugin of the configured paths has; thrown when the host resolves, before any plugin is read further.
 */
public final class UnknownPluginIdException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String id;
    private final Set<String> found;

    UnknownPluginIdException(String setting, String id, Set<String> found) {
        super(setting + "(\"" + id + "\", ...): no plugin has the id '" + id + "'; the plugins found are " + found);
        this.setting = setting;
        this.id = id;
        this.found = Set.copyOf(found);
    }

    /** The builder method, {@code isolation} or {@code processOptions}. */
    public String setting() {
        return setting;
    }

    /** The id it named. */
    public String id() {
        return id;
    }

    /** The ids of the plugins found. */
    public Set<String> found() {
        return found;
    }
}
