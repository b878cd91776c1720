package dev.plinth.cli;

import dev.plinth.verify.HostApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The host a doctor run checks against: the {@code --api} jars and class directories (absolute) and the shared
 * packages, given with {@code --shared-package} or read from the API jars' {@code Plinth-Shared-Packages} manifest
 * attribute.
 *
 * <h2>Errors</h2>
 * A missing or unreadable {@code --api} path, no shared package at all or a malformed package name is a usage
 * mistake: {@link #resolve} throws {@link IllegalArgumentException} with a message saying what to pass.
 *
 * @param sharedPackages the shared packages, sorted, {@code dev.plinth.api} included
 * @param classpath      the host API class path, absolute
 * @param api            the host as {@code plinth-verify} sees it
 */
record HostSpec(Set<String> sharedPackages, List<Path> classpath, HostApi api) {
    /** The manifest attribute an API jar uses to name its shared packages, comma separated. */
    static final String SHARED_PACKAGES_ATTRIBUTE = "Plinth-Shared-Packages";

    HostSpec {
        sharedPackages = Collections.unmodifiableSortedSet(new TreeSet<>(sharedPackages));
        classpath = List.copyOf(classpath);
    }

    /** Resolves {@code --api} paths against {@code workingDirectory} and collects the shared packages. */
    static HostSpec resolve(Path workingDirectory, List<Path> apiPaths, List<String> explicitPackages) {
        List<Path> classpath = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        addAll(packages, explicitPackages);
        for (Path given : apiPaths) {
            Path path = workingDirectory.resolve(given).normalize();
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("--api " + path + ": no such file or directory"
                        + (given.isAbsolute() ? "" : " (resolved against " + workingDirectory + ")"));
            }
            classpath.add(path);
            addAll(packages, List.of(manifestPackages(path).split(",")));
        }
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("no shared packages: pass --shared-package <pkg> for each host API"
                    + " package (e.g. --shared-package com.acme.api), or --api jars whose manifest has a "
                    + SHARED_PACKAGES_ATTRIBUTE + " attribute");
        }
        classpath.add(plinthApi()); // every host has it: plugins may use dev.plinth.api without naming it
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

    private static void addAll(Set<String> packages, Collection<String> values) {
        for (String value : values) {
            String trimmed = value.strip();
            if (!trimmed.isEmpty()) {
                packages.add(trimmed);
            }
        }
    }

    /** The {@code Plinth-Shared-Packages} value of a jar's or class directory's manifest, or empty. */
    private static String manifestPackages(Path path) {
        try {
            Manifest manifest = null;
            if (Files.isDirectory(path)) {
                Path file = path.resolve(JarFile.MANIFEST_NAME);
                if (Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        manifest = new Manifest(in);
                    }
                }
            } else {
                try (JarFile jar = new JarFile(path.toFile(), false)) {
                    manifest = jar.getManifest();
                }
            }
            String value = manifest == null ? null
                    : manifest.getMainAttributes().getValue(SHARED_PACKAGES_ATTRIBUTE);
            return value == null ? "" : value;
        } catch (IOException e) {
            throw new IllegalArgumentException("--api " + path + ": not a readable jar or class directory ("
                    + e.getMessage() + ")", e);
        }
    }
}
