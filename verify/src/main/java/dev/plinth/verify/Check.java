package dev.plinth.verify;

import java.util.List;

/** One analysis of a plugin archive; pure: reads the archive and the host, adds findings. */
interface Check {
    void run(PluginArchive archive, HostApi host, List<Finding> findings);
}
