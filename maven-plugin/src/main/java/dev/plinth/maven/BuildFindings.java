package dev.plinth.maven;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The verifier's findings as a build sees them. Two warnings become errors, because at build time they can only
 * mean a broken build: {@code bundled-host-api} (the host API was shaded or packaged into the jar; the message
 * names every bundled class) and the {@code entry-point} warning for an {@code @Extension} class that no services
 * file lists (the annotation processor did not run).
 */
final class BuildFindings {
    private static final int MAX_NAMED = 20;

    private BuildFindings() {
    }

    static List<Finding> escalate(List<Finding> findings, PluginArchive archive, HostApi host) {
        List<Finding> result = new ArrayList<>();
        for (Finding f : findings) {
            if (f.code() == FindingCode.BUNDLED_HOST_API && f.severity() != Severity.ERROR) {
                result.add(bundled(f, archive, host));
            } else if (f.code() == FindingCode.ENTRY_POINT && f.severity() == Severity.WARNING) {
                result.add(new Finding(f.code(), Severity.ERROR, f.plugin(), f.location(), f.message(), f.fix()
                        + " (Maven: add dev.plinth:plinth-processor to the annotationProcessorPaths of"
                        + " maven-compiler-plugin, and do not set -proc:none)"));
            } else {
                result.add(f);
            }
        }
        return List.copyOf(result);
    }

    private static Finding bundled(Finding f, PluginArchive archive, HostApi host) {
        String type = f.location().type();
        String pkg = type == null || type.lastIndexOf('.') < 0 ? "" : type.substring(0, type.lastIndexOf('.'));
        List<String> classes = archive.classes().keySet().stream().filter(host::isShared)
                .filter(n -> n.lastIndexOf('.') > 0 && n.substring(0, n.lastIndexOf('.')).equals(pkg)).sorted()
                .toList();
        String named = String.join(", ", classes.subList(0, Math.min(MAX_NAMED, classes.size())))
                + (classes.size() > MAX_NAMED ? " and " + (classes.size() - MAX_NAMED) + " more" : "");
        String message = archive.path().getFileName() + ": bundles " + classes.size() + " class"
                + (classes.size() == 1 ? "" : "es") + " of host API package " + pkg + ": " + named
                + "; the host never loads them, and the jar may have been built against another API version";
        return new Finding(f.code(), Severity.ERROR, f.plugin(), f.location(), message, f.fix());
    }
}
