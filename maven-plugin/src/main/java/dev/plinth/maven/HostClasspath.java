package dev.plinth.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The host a plugin is checked against: the host-API artifact's jar and its transitive dependencies, the shared
 * packages, and the {@code plinth-api} jar every host has.
 *
 * <p>Normally the artifact and its dependencies come from the project's own resolved dependencies (the host API is
 * a {@code provided} dependency). With a {@code hostApiVersion} that differs, that version is resolved from the
 * project's repositories instead, to check the plugin against an older host than it compiles against.
 *
 * @param coordinates    {@code groupId:artifactId:version} of the host API
 * @param version        the host API version, written as {@code Plugin-Requires}
 * @param classpath      the host API jar first, then its dependencies, then plinth-api
 * @param sharedPackages from the jar's {@code Plinth-Shared-Packages} attribute and the configuration
 */
record HostClasspath(String coordinates, String version, List<Path> classpath, Set<String> sharedPackages) {
    static final String SHARED_PACKAGES_ATTRIBUTE = "Plinth-Shared-Packages";

    HostClasspath {
        classpath = List.copyOf(classpath);
        sharedPackages = Set.copyOf(sharedPackages);
    }

    /** Finds the host API among the project's dependencies, resolving another version if asked to. */
    static HostClasspath resolve(MavenProject project, String hostApi, String hostApiVersion,
                                 Collection<String> configuredPackages, RepositorySystem system,
                                 RepositorySystemSession session) throws MojoExecutionException {
        Artifact api = find(project, hostApi);
        List<Path> classpath = new ArrayList<>();
        String version = api.getBaseVersion();
        if (hostApiVersion == null || hostApiVersion.isBlank() || hostApiVersion.equals(version)) {
            classpath.add(api.getFile().toPath());
            String id = api.getGroupId() + ":" + api.getArtifactId() + ":";
            for (Artifact a : project.getArtifacts()) {
                List<String> trail = a.getDependencyTrail();
                if (a != api && trail != null && trail.stream().skip(1).anyMatch(t -> t.startsWith(id))) {
                    classpath.add(a.getFile().toPath());
                }
            }
        } else {
            version = hostApiVersion.strip();
            classpath.addAll(resolveVersion(project, api, version, system, session));
        }
        Set<String> packages = new TreeSet<>(configuredPackages);
        packages.addAll(sharedPackages(classpath.get(0)));
        if (packages.isEmpty()) {
            throw new MojoExecutionException(api.getGroupId() + ":" + api.getArtifactId() + ": names no shared"
                    + " packages; add <sharedPackages><sharedPackage>com.acme.api</sharedPackage></sharedPackages>"
                    + " to plinth-maven-plugin's configuration, or a " + SHARED_PACKAGES_ATTRIBUTE
                    + " manifest attribute to the host API jar");
        }
        plinthApi(project).ifPresentOrElse(classpath::add, () -> classpath.add(ownPlinthApi()));
        return new HostClasspath(api.getGroupId() + ":" + api.getArtifactId() + ":" + version, version,
                new ArrayList<>(new LinkedHashSet<>(classpath)), packages);
    }

    private static Artifact find(MavenProject project, String hostApi) throws MojoExecutionException {
        String[] ga = hostApi.strip().split(":");
        if (ga.length != 2 || ga[0].isBlank() || ga[1].isBlank()) {
            throw new MojoExecutionException("<hostApi>" + hostApi + "</hostApi>: expected groupId:artifactId,"
                    + " e.g. <hostApi>com.acme:acme-api</hostApi>");
        }
        return project.getArtifacts().stream()
                .filter(a -> a.getGroupId().equals(ga[0]) && a.getArtifactId().equals(ga[1]) && a.getFile() != null)
                .findFirst()
                .orElseThrow(() -> new MojoExecutionException("<hostApi>" + hostApi + "</hostApi> is not a"
                        + " dependency of " + project.getArtifactId() + "; add it with <scope>provided</scope>"));
    }

    /** Candidates for {@code hostApi} when it is not configured: direct dependencies that name shared packages. */
    static List<String> candidates(MavenProject project) {
        List<String> found = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            List<String> trail = a.getDependencyTrail();
            boolean direct = trail == null || trail.size() <= 2;
            if (direct && a.getFile() != null && !sharedPackages(a.getFile().toPath()).isEmpty()) {
                found.add(a.getGroupId() + ":" + a.getArtifactId());
            }
        }
        return found;
    }

    private static List<Path> resolveVersion(MavenProject project, Artifact api, String version,
                                             RepositorySystem system, RepositorySystemSession session)
            throws MojoExecutionException {
        DefaultArtifact wanted = new DefaultArtifact(api.getGroupId(), api.getArtifactId(), "jar", version);
        CollectRequest collect = new CollectRequest(new Dependency(wanted, "runtime"),
                project.getRemoteProjectRepositories());
        try {
            List<Path> files = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, new DependencyRequest(collect, null))
                    .getArtifactResults()) {
                files.add(r.getArtifact().getFile().toPath());
            }
            return files;
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("<hostApiVersion>" + version + "</hostApiVersion>: cannot resolve "
                    + wanted + " (" + e.getMessage() + ")", e);
        }
    }

    private static Optional<Path> plinthApi(MavenProject project) {
        return project.getArtifacts().stream()
                .filter(a -> a.getGroupId().equals("dev.plinth") && a.getArtifactId().equals("plinth-api"))
                .map(Artifact::getFile).filter(f -> f != null).map(File::toPath).findFirst();
    }

    /** The plinth-api this plugin was built with, for plugins that do not depend on plinth-api themselves. */
    private static Path ownPlinthApi() {
        try {
            return Path.of(dev.plinth.api.Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("plinth-api: cannot locate its classes", e);
        }
    }

    /** The packages a jar's manifest names in {@code Plinth-Shared-Packages}; empty when it names none. */
    static Set<String> sharedPackages(Path jar) {
        Set<String> packages = new TreeSet<>();
        if (!Files.isRegularFile(jar)) {
            return packages;
        }
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(SHARED_PACKAGES_ATTRIBUTE);
            if (value != null) {
                for (String p : value.split(",")) {
                    if (!p.isBlank()) {
                        packages.add(p.strip());
                    }
                }
            }
        } catch (IOException e) {
            return packages; // not a jar: it names no packages, and the verifier will say what is wrong with it
        }
        return packages;
    }
}
