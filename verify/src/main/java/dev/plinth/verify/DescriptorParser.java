package dev.plinth.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/** Reads a {@link Descriptor} from a manifest's main attributes, reporting what is missing or malformed. */
final class DescriptorParser {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,3}([-+][0-9A-Za-z.+-]+)?");
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final Path jar;
    private final Attributes main;
    private final List<Finding> findings = new ArrayList<>();
    private final Descriptor descriptor;

    DescriptorParser(Path jar, Manifest manifest) {
        this.jar = jar;
        this.main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        this.descriptor = parse();
    }

    Descriptor descriptor() {
        return descriptor;
    }

    List<Finding> findings() {
        return findings;
    }

    private Descriptor parse() {
        String fileName = String.valueOf(jar.getFileName());
        String id = value("Plugin-Id");
        boolean derived = id.isEmpty();
        if (derived) {
            id = idFromFileName(fileName);
            findings.add(Finding.warning(FindingCode.DESCRIPTOR_INVALID, id, Location.entry(jar, MANIFEST),
                    fileName + ": no Plugin-Id in " + MANIFEST + "; using '" + id + "' from the file name",
                    "add 'Plugin-Id: " + id + "' to the manifest so renaming the file cannot change the id"));
        } else if (!ID.matcher(id).matches()) {
            findings.add(Finding.error(FindingCode.DESCRIPTOR_INVALID, fileName, Location.entry(jar, MANIFEST),
                    fileName + ": Plugin-Id '" + id + "' is not a valid id",
                    "use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
            id = idFromFileName(fileName);
        }
        String version = value("Plugin-Version");
        if (version.isEmpty()) {
            version = "0.0.0";
        } else if (!VERSION.matcher(version).matches()) {
            findings.add(Finding.error(FindingCode.DESCRIPTOR_INVALID, id, Location.entry(jar, MANIFEST),
                    fileName + ": Plugin-Version '" + version + "' is not a version",
                    "use a version such as 1.2.0 or 1.2.0-SNAPSHOT"));
        }
        String pluginClass = value("Plugin-Class");
        if (!pluginClass.isEmpty()) {
            findings.add(Finding.warning(FindingCode.DESCRIPTOR_INVALID, id, Location.entry(jar, MANIFEST),
                    fileName + ": Plugin-Class " + pluginClass + " is PF4J's entry point; Plinth does not use it",
                    "implement dev.plinth.api.Plugin in " + pluginClass + " and list it in"
                            + " META-INF/services/dev.plinth.api.Plugin for start and stop; list extensions in"
                            + " META-INF/services/<interface> (or use @Extension)"));
        }
        List<String> dependencies = dependencies(id, fileName);
        String requires = value("Plugin-Requires");
        try {
            VersionRange.parse(requires);
        } catch (IllegalArgumentException e) {
            findings.add(Finding.error(FindingCode.DESCRIPTOR_INVALID, id, Location.entry(jar, MANIFEST),
                    fileName + ": Plugin-Requires: " + e.getMessage(),
                    "write a version range such as '>=1.2.0' or '^1.2', or remove the attribute"));
            requires = "";
        }
        return new Descriptor(id, derived, version, requires, dependencies,
                value("Plugin-Description"), value("Plugin-Provider"), value("Plugin-License"));
    }

    private List<String> dependencies(String id, String fileName) {
        String raw = value("Plugin-Dependencies");
        if (raw.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String part : raw.split(",")) {
            String dep = part.trim();
            try {
                Dependency.parse(dep);
                ids.add(dep);
            } catch (IllegalArgumentException e) {
                findings.add(Finding.error(FindingCode.DESCRIPTOR_INVALID, id, Location.entry(jar, MANIFEST),
                        fileName + ": Plugin-Dependencies entry '" + dep + "': " + e.getMessage(),
                        "list plugin ids separated by commas, each with an optional '?' and '@' version range,"
                                + " e.g. 'Plugin-Dependencies: core@>=1.0.0 & <2.0.0, audit?, metrics@^1.2'"));
            }
        }
        return ids;
    }

    private String value(String name) {
        String v = main.getValue(name);
        return v == null ? "" : v.trim();
    }

    /** {@code uppercase-1.2.0.jar} → {@code uppercase}; {@code My Plugin.jar} → {@code My-Plugin}. */
    static String idFromFileName(String fileName) {
        String base = fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
        String[] parts = base.split("-");
        int keep = parts.length;
        while (keep > 1 && !parts[keep - 1].isEmpty() && Character.isDigit(parts[keep - 1].charAt(0))) {
            keep--;
        }
        String id = String.join("-", Arrays.copyOf(parts, keep)).replaceAll("[^A-Za-z0-9._-]", "-");
        id = id.replaceFirst("^[^A-Za-z0-9]+", "");
        if (id.isEmpty()) {
            return "plugin";
        }
        return id.length() > 64 ? id.substring(0, 64) : id;
    }
}
