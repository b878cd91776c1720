package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import dev.plinth.verify.Lockfile;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the plugin jars, reads and verifies each, and settles which may load: the plan. Defines no class and runs
 * no plugin code.
 */
final class Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HostConfig config;
    private final Verifier verifier;
    private final List<Finding> hostFindings = new ArrayList<>();

    Discovery(HostConfig config, Verifier verifier) {
        this.config = config;
        this.verifier = verifier;
    }

    /** Host-level findings: paths that did not resolve. */
    List<Finding> hostFindings() {
        return hostFindings;
    }

    /** One record per jar found, {@code RESOLVED} or {@code FAILED}, in path order. */
    List<PluginRecord> plan() {
        // reading and verifying are pure and thread-safe: use every core; the order of the jars is kept
        List<PluginArchive> archives = List.copyOf(jars()).parallelStream().map(PluginArchive::read).toList();
        List<PluginRecord> records = archives.parallelStream().map(this::verified).toList();
        refuseDuplicateIds(records, archives);
        Set<Finding> logged = new HashSet<>(); // a duplicate-plugin-id finding is on both records: log it once
        records.forEach(r -> settle(r, logged));
        return records;
    }

    /** A record for one more jar (a reload or an added plugin), {@code RESOLVED} or {@code FAILED}. */
    PluginRecord planOne(Path jar) {
        PluginRecord record = verified(PluginArchive.read(realPath(config.resolve(jar))));
        settle(record, new HashSet<>());
        return record;
    }

    private PluginRecord verified(PluginArchive archive) {
        PluginRecord record = new PluginRecord(archive);
        record.isolation = config.isolationOf(record.id());
        List<Finding> found = config.verify() ? verifier.verify(archive) : archive.findings();
        record.add(record.isolation == Isolation.PROCESS ? found.stream().map(Discovery::inChildJvm).toList() : found);
        if (config.lockfile() != null && !archive.isUnreadable()) {
            record.add(lockCheck(archive));
        }
        return record;
    }

    /** In a child JVM, {@code System.exit} ends only that child, which is restarted: a warning, not an error. */
    private static Finding inChildJvm(Finding f) {
        if (f.code() != FindingCode.SYSTEM_EXIT || !f.isError()) {
            return f;
        }
        return Finding.warning(f.code(), f.plugin(), f.location(), f.message() + " (here: only its child JVM, which"
                + " is restarted)", f.fix());
    }

    /** Fails closed: a lockfile that cannot be read refuses every jar. Read anew for each check. */
    private List<Finding> lockCheck(PluginArchive archive) {
        try {
            return Lockfile.read(config.lockfile()).check(archive).stream().toList();
        } catch (IOException | IllegalArgumentException e) {
            return List.of(Finding.error(FindingCode.LOCK_MISMATCH, archive.descriptor().id(),
                    Location.of(config.lockfile()), config.lockfile() + ": cannot be read (" + e.getMessage()
                            + "); no plugin is loaded without it", "write it with 'plinth lock DIR', or remove"
                            + " PluginHostBuilder.lockfile"));
        }
    }

    /** RESOLVED, or FAILED when there is an error; logs each finding (not yet in {@code logged}) at its level. */
    private static void settle(PluginRecord r, Set<Finding> logged) {
        List<Finding> findings = r.snapshot().findings();
        findings.stream().filter(logged::add).forEach(FindingLog::log);
        long errors = findings.stream().filter(Finding::isError).count();
        if (errors == 0) {
            r.transition(PluginState.DISCOVERED, PluginState.RESOLVED);
        } else if (r.transition(PluginState.DISCOVERED, PluginState.FAILED)) {
            LOG.info("plugin {} from {} not loaded: {} error{}, logged above", r.descriptor.coordinates(), r.path,
                    errors, errors == 1 ? "" : "s");
        }
    }

    private Set<Path> jars() {
        Set<Path> jars = new LinkedHashSet<>();
        for (Path dir : config.pluginDirectories()) {
            Path resolved = config.resolve(dir);
            if (!Files.isDirectory(resolved)) {
                unresolved(dir, resolved, "not a directory");
                continue;
            }
            try (Stream<Path> files = Files.list(resolved)) {
                files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                        .sorted().forEach(p -> jars.add(realPath(p)));
            } catch (IOException e) {
                unresolved(dir, resolved, "cannot be listed (" + e.getMessage() + ")");
            }
        }
        for (Path jar : config.pluginJars()) {
            Path resolved = config.resolve(jar);
            if (Files.isRegularFile(resolved)) {
                jars.add(realPath(resolved));
            } else {
                unresolved(jar, resolved, Files.exists(resolved) ? "not a regular file" : "no such file");
            }
        }
        return jars;
    }

    private void unresolved(Path given, Path resolved, String problem) {
        String how = given.isAbsolute() ? "" : " (resolved against " + config.baseDirectorySource() + " "
                + config.baseDirectory() + ")";
        Finding f = Finding.error(FindingCode.PATH_UNRESOLVED, String.valueOf(given.getFileName()),
                Location.of(resolved), resolved + ": " + problem + how,
                "pass an absolute path, or set PluginHostBuilder.baseDirectory (or -Dplinth.home) to the folder"
                        + " that holds '" + given + "'");
        hostFindings.add(f);
        FindingLog.log(f);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Two jars with one id: none of them loads, never last-wins. */
    private void refuseDuplicateIds(List<PluginRecord> records, List<PluginArchive> archives) {
        for (Finding f : Verifier.crossCheck(archives)) {
            records.stream().filter(r -> r.path.equals(f.location().file())).forEach(r -> r.add(f));
        }
    }
}
