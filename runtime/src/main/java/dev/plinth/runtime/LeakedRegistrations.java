package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Finds what a plugin registered with the JVM and never took back — shutdown hooks, MBeans, JDBC drivers — each of
 * which pins its class loader, and undoes it: a hook of an unloaded plugin must not run at exit anyway.
 *
 * <p>Shutdown hooks can only be listed with {@code --add-opens java.base/java.lang=ALL-UNNAMED}; without it the
 * scan says so instead.
 */
final class LeakedRegistrations {
    private LeakedRegistrations() {
    }

    static List<Finding> undo(PluginRecord r, ClassLoader loader) {
        List<Finding> findings = new ArrayList<>();
        shutdownHooks(r, loader, findings);
        mbeans(r, loader, findings);
        if (JdbcDrivers.mayHaveRegistered(r, loader)) {
            JdbcDrivers.deregister(r, loader, findings);
        }
        return findings;
    }

    static boolean canReadJavaLang() {
        return Thread.class.getModule().isOpen("java.lang", LeakedRegistrations.class.getModule());
    }

    private static void shutdownHooks(PluginRecord r, ClassLoader loader, List<Finding> findings) {
        if (!canReadJavaLang()) {
            return;
        }
        List<Thread> hooks;
        try {
            Class<?> holder = Class.forName("java.lang.ApplicationShutdownHooks");
            Field field = holder.getDeclaredField("hooks");
            field.setAccessible(true);
            synchronized (holder) {
                @SuppressWarnings("unchecked")
                Map<Thread, Thread> map = (Map<Thread, Thread>) field.get(null);
                hooks = map == null ? List.of() : List.copyOf(map.keySet());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return; // a JDK without that holder: nothing to list
        }
        for (Thread hook : hooks) {
            Object task = ThreadTasks.taskOf(hook);
            boolean ours = hook.getClass().getClassLoader() == loader || hook.getContextClassLoader() == loader
                    || task != null && task.getClass().getClassLoader() == loader;
            if (ours && Runtime.getRuntime().removeShutdownHook(hook)) {
                String what = task != null ? task.getClass().getName() : hook.getClass().getName();
                findings.add(Finding.warning(FindingCode.LOADER_LEAK, r.id(), Location.type(r.path, what),
                        "shutdown hook '" + hook.getName() + "' (" + what + ") registered by the plugin pinned its"
                                + " class loader; removed", "remove the hook in Plugin.stop() with"
                                + " Runtime.removeShutdownHook, or do the clean-up in stop() instead"));
            }
        }
    }

    private static void mbeans(PluginRecord r, ClassLoader loader, List<Finding> findings) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : server.queryNames(null, null)) {
            try {
                if (server.getClassLoaderFor(name) == loader) {
                    server.unregisterMBean(name);
                    findings.add(Finding.warning(FindingCode.LOADER_LEAK, r.id(), Location.of(r.path),
                            "MBean " + name + " registered by the plugin pinned its class loader; unregistered",
                            "unregister the MBean in Plugin.stop()"));
                }
            } catch (InstanceNotFoundException | MBeanRegistrationException e) {
                continue; // unregistered meanwhile, or its preDeregister refused: nothing more to do here
            }
        }
    }
}
