package com.acme.pipeline.host;

import dev.plinth.runtime.PluginHost;
import dev.plinth.runtime.PluginInfo;
import dev.plinth.verify.Finding;
import java.io.PrintStream;
import java.util.List;

/** Prints the plugin table and the findings, the way an operator wants to read them. */
final class Report {
    private Report() {
    }

    static void plugins(PluginHost host, PrintStream out) {
        List<PluginInfo> plugins = host.plugins();
        out.println();
        out.println("Plugins (" + plugins.size() + "; relative paths resolve against " + host.baseDirectory() + ")");
        String format = "  %-14s %-8s %-8s %-10s %-14s %s%n";
        out.printf(format, "ID", "VERSION", "STATE", "RUNS", "SHA-256", "PATH");
        for (PluginInfo p : plugins) {
            String sha = p.sha256().isEmpty() ? "-" : p.sha256().substring(0, 12);
            String runs = p.isolation() == dev.plinth.runtime.Isolation.PROCESS ? "child JVM" : "in process";
            out.printf(format, p.id(), p.version(), p.state(), runs, sha, p.path());
        }
        List<Finding> findings = host.findings();
        out.println();
        out.println("Findings (" + findings.size() + ")");
        if (findings.isEmpty()) {
            out.println("  none");
        }
        for (Finding f : findings) {
            out.println("  " + f.severity().label() + "[" + f.code().id() + "] " + f.plugin() + ": " + f.message());
            if (!f.fix().isEmpty()) {
                out.println("      fix: " + f.fix());
            }
        }
    }
}
