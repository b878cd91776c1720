package dev.plinth.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code duplicate-class}: classes the plugin bundles that a plugin it depends on also has. A dependent's loader
 * looks in its dependencies before its own jar (so objects pass between the two plugins without "X is not X"),
 * which means the bundled copies are never used: a warning per dependency, naming every class, like
 * {@code bundled-host-api} for the host's API.
 */
final class DependencyShadowCheck implements Check {
    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        if (classes.dependencies().isEmpty()) {
            return;
        }
        PluginArchive archive = classes.archive();
        Map<PluginArchive, List<String>> byDependency = new LinkedHashMap<>();
        for (String name : new TreeSet<>(archive.classes().keySet())) {
            if (classes.host().isShared(name)) {
                continue;
            }
            for (PluginArchive d : classes.dependencies()) {
                if (d.classes().containsKey(name)) {
                    byDependency.computeIfAbsent(d, k -> new ArrayList<>()).add(name);
                    break;
                }
            }
        }
        byDependency.forEach((d, names) -> findings.add(Finding.warning(FindingCode.DUPLICATE_CLASS,
                archive.descriptor().id(), Location.type(archive.path(), names.get(0)),
                archive.path().getFileName() + ": bundles " + (names.size() == 1 ? "a class" : names.size()
                        + " classes") + " of its dependency " + d.descriptor().coordinates() + " ("
                        + String.join(", ", names) + "); the dependency's are used",
                "mark the dependency on " + d.descriptor().id() + " provided (Maven) or compileOnly (Gradle) and"
                        + " exclude it from shading")));
    }
}
