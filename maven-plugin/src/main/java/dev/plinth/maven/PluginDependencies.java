package dev.plinth.maven;

import dev.plinth.verify.Dependency;
import dev.plinth.verify.PluginArchive;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import org.apache.maven.artifact.Artifact;

/**
 * The plugins a plugin depends on ({@code Plugin-Dependencies}), found among the project's dependencies — the other
 * plugins' jars, usually with {@code provided} scope — so the check resolves its references against them as the
 * runtime will, nearest first. A dependency not among them is left to the runtime and {@code plinth doctor}.
 */
final class PluginDependencies {
    private PluginDependencies() {
    }

    /** The archives of the plugins {@code plugin} needs, directly or through each other, nearest first. */
    static List<PluginArchive> of(PluginArchive plugin, Set<Artifact> artifacts) {
        Map<String, File> byId = new HashMap<>();
        for (Artifact a : artifacts) {
            File file = a.getFile();
            String id = file == null || !file.isFile() ? null : pluginId(file);
            if (id != null) {
                byId.putIfAbsent(id, file);
            }
        }
        List<PluginArchive> found = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(plugin.descriptor().id()));
        List<PluginArchive> queue = new ArrayList<>(List.of(plugin));
        for (int i = 0; i < queue.size(); i++) {
            for (Dependency d : queue.get(i).descriptor().requirements()) {
                File file = byId.get(d.id());
                if (file != null && seen.add(d.id())) {
                    PluginArchive dependency = PluginArchive.read(file.toPath());
                    found.add(dependency);
                    queue.add(dependency);
                }
            }
        }
        return found;
    }

    /** The {@code Plugin-Id} a jar's manifest names, or null: only declared plugins count, never a library. */
    private static String pluginId(File file) {
        try (JarFile jar = new JarFile(file)) {
            return jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Plugin-Id");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
