package dev.plinth.cli;

import dev.plinth.verify.HostApi;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * The host a doctor run checks against, modelled as the runtime sees it: the shared packages, always loaded from
 * the host, and the host's class path, against which plugin references resolve.
 *
 * <p>The shared packages are those given with {@code --shared-package}, plus, for each {@code --api} jar or class
 * directory, the packages its {@code Plinth-Shared-Packages} manifest attribute names. An {@code --api} entry
 * without that attribute shares every package that holds a class in it, unless {@code --shared-package} is given:
 * explicit beats derived. {@code --host-classpath} entries are the host's other libraries: on the class path, but
 * not shared, so a plugin's own copy of such a library wins (plugin-first), as at run time.
 *
 * <h2>Errors</h2>
 * A missing or unreadable {@code --api} or {@code --host-classpath} path, neither {@code --api} nor
 * {@code --shared-package}, or a malformed package name is a usage mistake: {@link #resolve} throws
 * {@link IllegalArgumentException} with a message saying what to pass.
 *
 * @param sharedPackages the shared packages, sorted, {@code dev.plinth.api} included
 * @param classpath      the host class path, absolute: the {@code --api} entries, {@code plinth-api}, then the
 *                       {@code --host-classpath} entries
 * @param api            the host as {@code plinth-verify} sees it
 */
record HostSpec(Set<String> sharedPackages, List<Path> classpath, HostApi api) {
    private static final Pattern PATH_SEPARATOR = Pattern.compile(Pattern.quote(File.pathSeparator));

    HostSpec {
        sharedPackages = Collections.unmodifiableSortedSet(new TreeSet<>(sharedPackages));
        classpath = List.copyOf(classpath);
    }

    /**
     * Resolves the paths against {@code workingDirectory} and collects the shared packages.
     *
     * @param hostClasspath {@code --host-classpath} values, each one path or several joined by the platform's
     *                      path separator
     * @param notes         receives a {@code note:} line for each {@code --api} entry whose packages were derived
     */
    static HostSpec resolve(Path workingDirectory, List<Path> apiPaths, List<String> explicitPackages,
                            List<String> hostClasspath, Consumer<String> notes) {
        Set<String> explicit = new TreeSet<>();
        explicitPackages.stream().filter(p -> !p.isBlank()).map(String::strip).forEach(explicit::add);
        if (apiPaths.isEmpty() && explicit.isEmpty()) {
            throw new IllegalArgumentException("no shared packages: pass --api <jar-or-dir> with the host API (the"
                    + " packages its " + ApiPackages.ATTRIBUTE + " manifest attribute names are shared, or else"
                    + " every package in it), or --shared-package <pkg> (e.g. --shared-package com.acme.api)");
        }
        Set<String> packages = new TreeSet<>(explicit);
        List<Path> classpath = new ArrayList<>();
        for (Path given : apiPaths) {
            Path path = existing("--api", workingDirectory, given);
            classpath.add(path);
            packages.addAll(apiPackages(path, explicit.isEmpty(), notes));
        }
        classpath.add(plinthApi()); // every host has it: plugins may use dev.plinth.api without naming it
        for (String value : hostClasspath) {
            for (String entry : PATH_SEPARATOR.split(value)) {
                if (!entry.isEmpty()) {
                    classpath.add(library(workingDirectory, entry));
                }
            }
        }
        HostApi api = HostApi.of(packages, classpath);
        return new HostSpec(api.sharedPackages(), classpath, api);
    }

    /** Where {@code plinth-api} is, as shipped with this command. */
    static Path plinthApi() {
        try {
            return Path.of(dev.plinth.api.Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("plinth-api: cannot locate its classes", e);
        }
    }

    /** The packages an {@code --api} entry shares: declared in its manifest, else (if {@code derive}) found. */
    private static Set<String> apiPackages(Path path, boolean derive, Consumer<String> notes) {
        try {
            List<String> declared = ApiPackages.declared(path);
            if (!declared.isEmpty() || !derive) {
                return Set.copyOf(declared);
            }
            SortedSet<String> derived = ApiPackages.derived(path);
            notes.accept("note: --api " + path + ": no " + ApiPackages.ATTRIBUTE + " attribute; " + (derived.isEmpty()
                    ? "it has no classes, so it shares no package" : "sharing every package in it: "
                    + String.join(", ", derived)));
            return derived;
        } catch (IOException e) {
            throw new IllegalArgumentException("--api " + path + ": not a readable jar or class directory ("
                    + e.getMessage() + ")", e);
        }
    }

    /** A {@code --host-classpath} entry: an existing class directory or readable jar. */
    private static Path library(Path workingDirectory, String entry) {
        Path given;
        try {
            given = Path.of(entry);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--host-classpath " + entry + ": not a path (" + e.getMessage() + ")",
                    e);
        }
        Path path = existing("--host-classpath", workingDirectory, given);
        if (Files.isRegularFile(path)) {
            try {
                new ZipFile(path.toFile()).close(); // opening reads the central directory: a broken jar fails here
            } catch (IOException e) {
                throw new IllegalArgumentException("--host-classpath " + path + ": not a readable jar ("
                        + e.getMessage() + ")", e);
            }
        }
        return path;
    }

    /** The absolute path of an existing jar or directory; a FIFO or device would hang the jar reader. */
    private static Path existing(String option, Path workingDirectory, Path given) {
        Path path = workingDirectory.resolve(given).normalize();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(option + " " + path + ": no such file or directory"
                    + (given.isAbsolute() ? "" : " (resolved against " + workingDirectory + ")"));
        }
        if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException(option + " " + path + ": not a jar or class directory (not a regular"
                    + " file)");
        }
        return path;
    }
}
