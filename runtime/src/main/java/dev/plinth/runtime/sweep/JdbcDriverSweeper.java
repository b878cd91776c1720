package dev.plinth.runtime.sweep;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not API. Defined inside a plugin's class loader at unload so that {@code DriverManager}, which shows each caller
 * only the drivers its own loader can see, lists the plugin's drivers; deregisters those the plugin loaded.
 */
public final class JdbcDriverSweeper {
    private JdbcDriverSweeper() {
    }

    /** Deregisters the drivers defined by this class's loader and returns their class names. */
    public static List<String> sweep() throws SQLException {
        ClassLoader mine = JdbcDriverSweeper.class.getClassLoader();
        List<String> removed = new ArrayList<>();
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            if (d.getClass().getClassLoader() == mine) {
                DriverManager.deregisterDriver(d);
                removed.add(d.getClass().getName());
            }
        }
        return removed;
    }
}
