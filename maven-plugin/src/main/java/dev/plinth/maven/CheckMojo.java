package dev.plinth.maven;

import dev.plinth.verify.ApiFingerprint;
import dev.plinth.verify.Finding;
import dev.plinth.verify.HostApi;
import dev.plinth.verify.PluginArchive;
import dev.plinth.verify.Severity;
import dev.plinth.verify.Verifier;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Writes the plugin descriptor into the jar maven-jar-plugin built, then checks the jar against the host API the
 * way {@code plinth doctor} and the runtime will, and fails the build on what it finds.
 *
 * <h2>Manifest</h2>
 * {@code Plugin-Id} (artifactId), {@code Plugin-Version} (project version), {@code Plugin-Requires} (the host API
 * version), {@code Plinth-Build-Jdk}, {@code Plinth-Build-Time} ({@code project.build.outputTimestamp} when set)
 * and {@code Plinth-Api-Fingerprint} ({@code sha256:} of the host API's public surface). Other attributes, such as
 * {@code Plugin-Description} from maven-jar-plugin's {@code manifestEntries}, are kept.
 *
 * <h2>Errors</h2>
 * Error findings fail the build ({@code failOn}); {@code bundled-host-api} and an {@code @Extension} class missing
 * from the services files are errors here, and so is a services file of the build missing from the jar
 * ({@link ServicesInJar}). A host API that is not a dependency, or names no shared package, is a
 * configuration error.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public final class CheckMojo extends AbstractMojo {
    /** The attribute only this goal writes: a manifest that has it was rewritten by an earlier run. */
    private static final String FINGERPRINT = "Plinth-Api-Fingerprint";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    private final RepositorySystem repositorySystem;

    /** The host API dependency, {@code groupId:artifactId}; optional when one dependency names shared packages. */
    @Parameter(property = "plinth.hostApi")
    private String hostApi;

    /** Check against this host API version instead of the dependency's, e.g. the oldest host the plugin supports. */
    @Parameter(property = "plinth.hostApiVersion")
    private String hostApiVersion;

    /** Shared packages, added to those the host API jar's {@code Plinth-Shared-Packages} attribute names. */
    @Parameter
    private List<String> sharedPackages = List.of();

    /** The {@code Plugin-Id} to write. */
    @Parameter(property = "plinth.pluginId", defaultValue = "${project.artifactId}")
    private String pluginId;

    /** The {@code Plugin-Version} to write. */
    @Parameter(property = "plinth.pluginVersion", defaultValue = "${project.version}")
    private String pluginVersion;

    /** The lowest severity that fails the build: {@code error}, {@code warning} or {@code never}. */
    @Parameter(property = "plinth.failOn", defaultValue = "error")
    private String failOn;

    /** Whether to write the descriptor into the jar's manifest. */
    @Parameter(property = "plinth.writeDescriptor", defaultValue = "true")
    private boolean writeDescriptor;

    /** Skips the goal. */
    @Parameter(property = "plinth.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    /** Creates the goal; Maven injects the repository system here and the parameters into the fields. */
    @Inject
    public CheckMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || "pom".equals(project.getPackaging())) {
            getLog().info("plinth: skipped");
            return;
        }
        Severity threshold = threshold();
        File file = project.getArtifact().getFile();
        if (file == null || !file.isFile()) {
            throw new MojoExecutionException("plinth:check needs the packaged jar: run it in the package phase or"
                    + " later (mvn package), after maven-jar-plugin");
        }
        Path jar = file.toPath().toAbsolutePath();
        HostClasspath host = HostClasspath.resolve(project, hostApi(), hostApiVersion, sharedPackages,
                repositorySystem, repositorySession);
        ApiFingerprint fingerprint = ApiFingerprint.of(host.sharedPackages(), host.classpath());
        if (writeDescriptor) {
            writeDescriptor(jar, host, fingerprint);
        }
        HostApi api = HostApi.of(host.sharedPackages(), host.classpath());
        PluginArchive archive = PluginArchive.read(jar);
        List<Finding> findings = new ArrayList<>(
                BuildFindings.escalate(Verifier.forHost(api).verify(archive,
                        PluginDependencies.of(archive, project.getArtifacts())), archive, api));
        findings.addAll(ServicesInJar.check(archive, servicesSources(), project.getBasedir().toPath()));
        getLog().info("plinth: checking " + jar + " against " + host.coordinates() + " (shared packages "
                + String.join(", ", new TreeSet<>(api.sharedPackages())) + "; API sha256:"
                + fingerprint.fingerprint() + ")");
        for (Finding f : findings) {
            for (String line : FindingText.lines(f)) {
                switch (f.severity()) {
                    case ERROR -> getLog().error(line);
                    case WARNING -> getLog().warn(line);
                    default -> getLog().info(line);
                }
            }
        }
        long errors = count(findings, Severity.ERROR);
        long warnings = count(findings, Severity.WARNING);
        getLog().info("plinth: " + archive.descriptor().coordinates() + ": " + errors + " error" + (errors == 1 ? ""
                : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
        List<Finding> failing = threshold == null ? List.of()
                : findings.stream().filter(f -> f.severity().compareTo(threshold) <= 0).toList();
        if (!failing.isEmpty()) {
            throw new MojoFailureException("plinth: " + jar.getFileName() + " has " + failing.size() + " finding"
                    + (failing.size() == 1 ? "" : "s") + " at or above " + threshold.label() + ":\n"
                    + failing.stream().map(f -> "  " + f.severity().label() + "[" + f.code().id() + "]: "
                    + f.message()).collect(Collectors.joining("\n")));
        }
    }

    /** Where the jar's services files come from: resource directories copied as they are, and the output. */
    private List<Path> servicesSources() {
        List<Path> sources = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            if (resource.getTargetPath() == null || resource.getTargetPath().isBlank()) {
                sources.add(project.getBasedir().toPath().resolve(resource.getDirectory()));
            }
        }
        sources.add(Path.of(project.getBuild().getOutputDirectory()));
        return sources;
    }

    private void writeDescriptor(Path jar, HostClasspath host, ApiFingerprint fingerprint)
            throws MojoExecutionException {
        Instant time;
        try {
            time = BuildTime.of(outputTimestamp, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Plugin-Id", pluginId);
        attributes.put("Plugin-Version", pluginVersion);
        attributes.put("Plugin-Requires", host.version());
        attributes.put("Plinth-Build-Jdk", BuildTime.jdk(outputTimestamp));
        attributes.put("Plinth-Build-Time", time.toString());
        attributes.put(FINGERPRINT, "sha256:" + fingerprint.fingerprint());
        try {
            // maven-jar-plugin leaves an up-to-date jar as it is, so a rebuild without clean finds the descriptor
            // this goal wrote last time: refreshing it is no one's mistake
            boolean ours = ManifestWriter.hasAttribute(jar, FINGERPRINT);
            for (String replaced : ManifestWriter.write(jar, attributes)) {
                if (ours) {
                    getLog().debug("plinth: manifest " + replaced + " (refreshed)");
                } else {
                    getLog().warn("plinth: manifest " + replaced + " (set it in plinth-maven-plugin's"
                            + " configuration, not maven-jar-plugin's)");
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException(jar + ": cannot write the plugin descriptor into the manifest", e);
        }
    }

    private String hostApi() throws MojoExecutionException {
        if (hostApi != null && !hostApi.isBlank()) {
            return hostApi;
        }
        List<String> candidates = HostClasspath.candidates(project);
        if (candidates.size() == 1) {
            getLog().info("plinth: host API " + candidates.get(0) + " (the one dependency that names shared"
                    + " packages)");
            return candidates.get(0);
        }
        throw new MojoExecutionException("plinth: name the host API dependency: <configuration><hostApi>groupId:"
                + "artifactId</hostApi></configuration>" + (candidates.isEmpty() ? ""
                : " (candidates: " + String.join(", ", candidates) + ")"));
    }

    /** The lowest failing severity, or null for {@code never}. */
    private Severity threshold() throws MojoExecutionException {
        return switch (failOn == null ? "" : failOn.strip().toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            case "never" -> null;
            default -> throw new MojoExecutionException("<failOn>" + failOn + "</failOn>: expected error, warning"
                    + " or never");
        };
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
