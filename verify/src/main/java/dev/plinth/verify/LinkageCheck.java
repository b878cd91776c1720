package dev.plinth.verify;

import java.util.List;
import java.util.Map;

/**
 * {@code api-mismatch} and {@code unresolved-reference}: every class, method and field reference in the plugin's
 * class files is resolved as the JVM would resolve it when the plugin runs (see {@link Linker}), so a
 * {@code NoSuchMethodError} or {@code NoClassDefFoundError} at 3 a.m. becomes a finding at load time.
 *
 * <p>A failed reference into a shared package is {@code api-mismatch} (the plugin was compiled against another host
 * API version); any other is {@code unresolved-reference}. How bad it is depends on whether the plugin can hit it
 * ({@link Reachability}) and on what is missing — see {@link LinkageReport}. Class files that cannot be parsed are
 * counted in one info finding, never skipped silently.
 */
final class LinkageCheck implements Check {
    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        Linker linker = new Linker(classes);
        LinkageReport report = new LinkageReport(classes);
        for (ClassModel c : classes.pluginClasses().values()) {
            for (ClassModel.Ref ref : c.refs()) {
                Linker.Outcome outcome = linker.resolve(ref, c);
                if (outcome.status() != Linker.Status.OK && outcome.status() != Linker.Status.UNKNOWN) {
                    report.add(c, ref, outcome);
                }
            }
        }
        findings.addAll(report.findings());
        reportUnparsed(classes, findings);
    }

    private static void reportUnparsed(ClassSpace classes, List<Finding> findings) {
        Map<String, String> unparsed = classes.unparseable();
        if (unparsed.isEmpty()) {
            return;
        }
        Map.Entry<String, String> first = unparsed.entrySet().iterator().next();
        PluginArchive archive = classes.archive();
        findings.add(Finding.info(FindingCode.UNRESOLVED_REFERENCE, archive.descriptor().id(),
                Location.entry(archive.path(), first.getKey()),
                archive.path().getFileName() + ": " + unparsed.size() + " class file" + (unparsed.size() == 1 ? ""
                        : "s") + " not checked for linkage (" + first.getKey() + ": " + first.getValue() + ")",
                "rebuild the jar; the JVM cannot load a class file that does not parse (ClassFormatError)"));
    }
}
