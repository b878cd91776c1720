package dev.plinth.verify;

import java.util.List;
import java.util.Objects;

/**
 * A plugin's identity and metadata, read from its manifest with PF4J's attribute names ({@code Plugin-Id},
 * {@code Plugin-Version}, {@code Plugin-Requires}, {@code Plugin-Dependencies}, {@code Plugin-Description},
 * {@code Plugin-Provider}, {@code Plugin-License}).
 *
 * @param id           the plugin id; derived from the file name when the manifest has none
 * @param idDerived    whether {@link #id} was derived from the file name
 * @param version      the plugin version; {@code 0.0.0} when absent
 * @param requires     the host version range the plugin needs ({@code Plugin-Requires}), or empty
 * @param dependencies the {@code Plugin-Dependencies} entries as written, in declaration order (only well-formed
 *                     ones; see {@link #requirements()})
 * @param description  free text, or empty
 * @param provider     free text, or empty
 * @param license      free text, or empty
 */
public record Descriptor(String id, boolean idDerived, String version, String requires, List<String> dependencies,
                         String description, String provider, String license) {

    /** Checks the id and version and copies the dependencies. */
    public Descriptor {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(version, "version == null");
        dependencies = List.copyOf(dependencies);
    }

    /** The dependencies, parsed: id, version range, optional. */
    public List<Dependency> requirements() {
        return dependencies.stream().map(Dependency::parse).toList();
    }

    /** {@code id@version}, the form used in class loader names and logs. */
    public String coordinates() {
        return id + "@" + version;
    }
}
