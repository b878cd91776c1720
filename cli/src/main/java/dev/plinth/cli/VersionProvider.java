package dev.plinth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code plinth --version} and written into JSON and SARIF reports. */
final class VersionProvider implements IVersionProvider {
    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "plinth " + version(),
            "JVM " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    /** The project version the build wrote into {@code version.properties}. */
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": cannot read", e);
        }
    }
}
