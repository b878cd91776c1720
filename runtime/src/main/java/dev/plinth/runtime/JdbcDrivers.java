package dev.plinth.runtime;

import dev.plinth.runtime.sweep.JdbcDriverSweeper;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deregisters JDBC drivers a plugin registered, by running {@link JdbcDriverSweeper} inside its loader. */
final class JdbcDrivers {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    /** {@code java.sql.Driver}, or null on a runtime without the {@code java.sql} module. */
    private static final Class<?> DRIVER = driverInterface();

    private JdbcDrivers() {
    }

    private static Class<?> driverInterface() {
        try {
            return Class.forName("java.sql.Driver", false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Whether {@code c} is a JDBC driver class; loads no JDBC class but the interface, initialises none. */
    static boolean isDriver(Class<?> c) {
        return DRIVER != null && DRIVER.isAssignableFrom(c);
    }

    /**
     * Whether the plugin may have registered a driver: its loader defined one, or its jar, read whole, mentions
     * {@code DriverManager} or provides a driver.
     */
    static boolean mayHaveRegistered(PluginRecord r, ClassLoader loader) {
        return r.usesJdbc || loader instanceof PluginClassLoader p && p.definedJdbcDriver();
    }

    static void deregister(PluginRecord r, ClassLoader loader, List<Finding> findings) {
        if (!(loader instanceof PluginClassLoader)) {
            return;
        }
        String name = JdbcDriverSweeper.class.getName();
        try (InputStream in = JdbcDriverSweeper.class.getResourceAsStream("JdbcDriverSweeper.class")) {
            Class<?> sweeper = ((PluginClassLoader) loader).defineHelper(name, in.readAllBytes());
            @SuppressWarnings("unchecked")
            List<String> removed = (List<String>) sweeper.getMethod("sweep").invoke(null);
            for (String driver : removed) {
                findings.add(Finding.warning(FindingCode.LOADER_LEAK, r.id(), Location.type(r.path, driver),
                        "JDBC driver " + driver + " registered by the plugin pinned its class loader; deregistered",
                        "call DriverManager.deregisterDriver in Plugin.stop()"));
            }
        } catch (IOException | ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warn("plugin {}: could not check for JDBC drivers: {}", r.id(), e.toString());
        }
    }
}
