package dev.plinth.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code plinth.lock}: which plugin jars a host may load, pinned by id, version and SHA-256. Written by
 * {@code plinth lock DIR}; a host built with {@code PluginHostBuilder.lockfile} refuses any jar that does not match
 * ({@code lock-mismatch}).
 *
 * <p>Format: UTF-8 text, {@code #} comments, one line per plugin: {@code id version sha256 file-name}, separated by
 * single spaces, sorted by id.
 */
public final class Lockfile {
    private static final String HEADER = "# plinth.lock: the plugin jars this host may load (id version sha256 file)";

    private final Path path;
    private final Map<String, Entry> byId;

    private Lockfile(Path path, Map<String, Entry> byId) {
        this.path = path;
        this.byId = byId;
    }

    /**
     * One pinned jar.
     *
     * @param id       the plugin id
     * @param version  the plugin version
     * @param sha256   the jar's SHA-256, lower-case hex
     * @param fileName the jar's file name when it was locked, for humans
     */
    public record Entry(String id, String version, String sha256, String fileName) {
        /** Checks the parts are present and the hash looks like one. */
        public Entry {
            Objects.requireNonNull(id, "id == null");
            Objects.requireNonNull(version, "version == null");
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
            }
        }
    }

    /** Reads a lockfile; a malformed line is an {@link IllegalArgumentException} naming the file and line. */
    public static Lockfile read(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(abs, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            if (parts.length != 4) {
                throw new IllegalArgumentException(abs + ":" + (i + 1) + ": expected 'id version sha256 file', got '"
                        + line + "'");
            }
            try {
                Entry e = new Entry(parts[0], parts[1], parts[2], parts[3]);
                if (entries.put(e.id(), e) != null) {
                    throw new IllegalArgumentException("plugin id " + e.id() + " listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(abs + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Lockfile(abs, entries);
    }

    /** A lockfile pinning these archives; they must be readable and have distinct ids. */
    public static Lockfile of(Path file, List<PluginArchive> archives) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        archives.stream().sorted(Comparator.comparing(a -> a.descriptor().id())).forEach(a -> {
            Entry e = new Entry(a.descriptor().id(), a.descriptor().version(), a.sha256(),
                    String.valueOf(a.path().getFileName()));
            if (entries.put(e.id(), e) != null) {
                throw new IllegalArgumentException("plugin id " + e.id() + " is declared by two jars");
            }
        });
        return new Lockfile(file.toAbsolutePath().normalize(), entries);
    }

    /** Writes the lockfile atomically (a temporary file renamed over the target). */
    public void write() throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        byId.values().forEach(e -> text.append(e.id()).append(' ').append(e.version()).append(' ')
                .append(e.sha256()).append(' ').append(e.fileName()).append('\n'));
        Path dir = path.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "plinth.lock", ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Where this lockfile lives. */
    public Path path() {
        return path;
    }

    /** The entries, sorted by id. */
    public List<Entry> entries() {
        return new ArrayList<>(byId.values());
    }

    /** A {@code lock-mismatch} error when the archive is not pinned by this lockfile as it is. */
    public Optional<Finding> check(PluginArchive archive) {
        String id = archive.descriptor().id();
        String file = String.valueOf(archive.path().getFileName());
        Entry e = byId.get(id);
        Location where = Location.of(archive.path());
        String relock = "if this jar is intended, run 'plinth lock' again and deploy the new " + path.getFileName();
        if (e == null) {
            return Optional.of(Finding.error(FindingCode.LOCK_MISMATCH, id, where, file + ": plugin " + id
                    + " is not in " + path, relock));
        }
        if (!e.sha256().equals(archive.sha256()) || !e.version().equals(archive.descriptor().version())) {
            return Optional.of(Finding.error(FindingCode.LOCK_MISMATCH, id, where, file + ": " + id + "@"
                    + archive.descriptor().version() + " sha256 " + archive.sha256() + " does not match " + path
                    + " (" + e.id() + "@" + e.version() + " sha256 " + e.sha256() + ", locked from " + e.fileName()
                    + ")", "deploy the jar that was locked; " + relock));
        }
        return Optional.empty();
    }
}
