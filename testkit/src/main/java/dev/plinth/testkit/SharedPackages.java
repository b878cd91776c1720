package dev.plinth.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;

/**
 * The host API packages a test's class path names: every {@code Plinth-Shared-Packages} manifest attribute it
 * carries, which is how a host API jar declares its packages (the same attribute {@code plinth doctor} and the
 * Maven plugin read). A plugin's tests have the host API on their class path as a {@code provided} dependency.
 */
final class SharedPackages {
    static final String ATTRIBUTE = "Plinth-Shared-Packages";

    private SharedPackages() {
    }

    static Set<String> onClassPath(ClassLoader loader) {
        Set<String> packages = new TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
                try (InputStream in = url.openStream()) {
                    String value = new Manifest(in).getMainAttributes().getValue(ATTRIBUTE);
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
            throw new UncheckedIOException("cannot read the manifests on the test class path", e);
        }
        return packages;
    }
}
