package dev.plinth.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;

/**
 * The host API packages a class path declares: every {@code Plinth-Shared-Packages} manifest attribute it carries,
 * which is how a host API jar names its packages (read the same way by {@code plinth doctor}, the Maven plugin, the
 * testkit and the Spring Boot starter).
 */
public final class ApiManifests {
    /** The manifest attribute: comma-separated package names. */
    public static final String SHARED_PACKAGES = "Plinth-Shared-Packages";

    private ApiManifests() {
    }

    /**
     * The packages named by every manifest {@code loader} sees, sorted; empty when none names any.
     *
     * @throws UncheckedIOException when a manifest cannot be read
     */
    public static Set<String> sharedPackages(ClassLoader loader) {
        Set<String> packages = new TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
                try (InputStream in = url.openStream()) {
                    String value = new Manifest(in).getMainAttributes().getValue(SHARED_PACKAGES);
                    if (value != null) {
                        for (String p : value.split(",")) {
                            if (!p.isBlank()) {
                                packages.add(p.strip());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifests on the class path", e);
        }
        return packages;
    }
}
