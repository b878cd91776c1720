package dev.plinth.verify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bundled-host-api}: classes of a shared package inside the plugin jar. Plinth never defines them (the host's
 * copy always wins, so there is no "Filter cannot be cast to Filter"), but the copy means the jar was shaded or
 * assembled wrongly and may have been compiled against another API version. One finding per package, naming every
 * bundled class.
 */
final class BundledHostApiCheck implements Check {
    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        PluginArchive archive = classes.archive();
        HostApi host = classes.host();
        Map<String, List<String>> byPackage = new TreeMap<>();
        archive.classes().keySet().stream().filter(host::isShared).sorted().forEach(name -> byPackage
                .computeIfAbsent(name.substring(0, name.lastIndexOf('.')), p -> new java.util.ArrayList<>())
                .add(name));
        byPackage.forEach((pkg, names) -> {
            String first = names.get(0);
            String all = names.size() == 1 ? first : names.size() + " classes: " + String.join(", ", names);
            findings.add(Finding.warning(FindingCode.BUNDLED_HOST_API, archive.descriptor().id(),
                    Location.type(archive.path(), first),
                    archive.path().getFileName() + ": bundles host API package " + pkg + " (" + all
                            + "); the host's classes are used instead",
                    "mark the host API dependency as provided (Maven) or compileOnly (Gradle) and exclude it from"
                            + " shading"));
        });
    }
}
