package dev.plinth.verify;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one verification asked the host and what it was told: each class file it looked up (its SHA-256, or that
 * there was none) and each package it asked about. A verification's findings depend on the host only through
 * these answers, so a host that gives the same answers again would be given the same findings
 * ({@link Verifier#answersAlike}).
 *
 * <p>Names are internal ({@code com/acme/api/Filter}); a class file's digest is lower-case hex, {@link #ABSENT} for
 * none.
 *
 * <h2>Threading</h2>
 * Immutable once returned by a {@link Verifier}; the recording instance is confined to one verification.
 */
public final class HostReads {
    /** The digest recorded for a class file the host does not have. */
    public static final String ABSENT = "-";

    private final Map<String, String> classFiles;
    private final Map<String, Boolean> packages;

    private HostReads(Map<String, String> classFiles, Map<String, Boolean> packages) {
        this.classFiles = classFiles;
        this.packages = packages;
    }

    /** Reads as recorded elsewhere, e.g. read back from a cache entry. */
    public static HostReads of(Map<String, String> classFiles, Map<String, Boolean> packages) {
        Objects.requireNonNull(classFiles, "classFiles == null");
        Objects.requireNonNull(packages, "packages == null");
        return new HostReads(Collections.unmodifiableMap(new TreeMap<>(classFiles)),
                Collections.unmodifiableMap(new TreeMap<>(packages)));
    }

    /** An empty recording, filled by one verification. */
    static HostReads recording() {
        return new HostReads(new TreeMap<>(), new TreeMap<>());
    }

    /** The recorded answers, frozen. */
    HostReads frozen() {
        return of(classFiles, packages);
    }

    void classFile(String internalName, String digest) {
        classFiles.put(internalName, digest);
    }

    void hasPackage(String internalPackage, boolean present) {
        packages.put(internalPackage, present);
    }

    /** Each class file looked up, by internal name: its lower-case hex SHA-256, or {@link #ABSENT}. */
    public Map<String, String> classFiles() {
        return classFiles;
    }

    /** Each package asked about, by internal name: whether the host has it. */
    public Map<String, Boolean> packages() {
        return packages;
    }

    /** The lower-case hex SHA-256 of a class file's bytes. */
    static String digest(byte[] bytes) {
        return Sha256.hex(bytes); // not MessageDigest: see Sha256
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostReads r && classFiles.equals(r.classFiles) && packages.equals(r.packages);
    }

    @Override
    public int hashCode() {
        return classFiles.hashCode() * 31 + packages.hashCode();
    }

    @Override
    public String toString() {
        return classFiles.size() + " class files, " + packages.size() + " packages";
    }
}
