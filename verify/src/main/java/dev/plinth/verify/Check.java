package dev.plinth.verify;

import java.util.List;

/** One analysis of a plugin archive; pure: reads the archive's classes and the host, adds findings. */
interface Check {
    void run(ClassSpace classes, List<Finding> findings);
}
