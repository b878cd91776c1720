package dev.plinth.runtime;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A plugin event as a JFR event, so loads, failures, reloads and leaks show up in JDK Mission Control. */
@Name("dev.plinth.PluginEvent")
@Label("Plugin Event")
@Category("Plinth")
@Description("A plugin was loaded, failed, reloaded, unloaded or leaked")
@StackTrace(false)
final class PluginJfrEvent extends Event {
    @Label("Type")
    String type;
    @Label("Plugin Id")
    String pluginId;
    @Label("Version")
    String version;
    @Label("Path")
    String path;
    @Label("SHA-256")
    String sha256;
    @Label("State")
    String state;
    @Label("Findings")
    int findings;
    @Label("Loader Collected")
    boolean collected;

    static void commit(PluginEvent.Type type, PluginInfo info, UnloadReport report) {
        PluginJfrEvent e = new PluginJfrEvent();
        if (!e.isEnabled()) {
            return;
        }
        e.type = type.name();
        e.pluginId = info.id();
        e.version = info.version();
        e.path = String.valueOf(info.path());
        e.sha256 = info.sha256();
        e.state = info.state().name();
        e.findings = report != null ? report.findings().size() : info.findings().size();
        e.collected = report != null && report.collected();
        e.commit();
    }
}
