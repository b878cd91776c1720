package dev.plinth.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code system-exit}: a call to {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} that the plugin's
 * entry points reach is an error: it ends the host and every other plugin with it, and since the security manager
 * is gone nothing can intercept it at run time. One finding per calling method, with the path from the entry point.
 * Such calls in code no entry point reaches (a bundled library's {@code main}, guava's {@code Exiter}) are one info
 * finding for the whole jar.
 */
final class SystemExitCheck implements Check {
    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        Linker linker = new Linker(classes);
        Reachability reach = classes.reachability();
        Set<String> unreached = new TreeSet<>();
        String firstUnreached = null;
        SinkCalls calls = classes.sinkCalls();
        for (ClassModel c : classes.pluginClasses().values()) {
            Set<String> reported = new HashSet<>();
            for (ClassModel.Ref ref : calls.of(c)) {
                if (ref.kind() != ClassModel.Kind.METHOD || ref.from() == null || !CallSinks.mayExit(ref.name())) {
                    continue;
                }
                String owner = linker.declaringClass(ref);
                if (!CallSinks.exits(owner, ref.name()) || !reported.add(ref.from())) {
                    continue;
                }
                if (!reach.reaches(c.name(), ref.from())) {
                    unreached.add(Names.site(c.name(), ref.from()));
                    firstUnreached = firstUnreached == null ? c.binaryName() : firstUnreached;
                    continue;
                }
                String reached = reach.reachedFrom(c.name(), ref.from());
                findings.add(Finding.error(FindingCode.SYSTEM_EXIT, classes.archive().descriptor().id(),
                        Location.type(classes.archive().path(), c.binaryName()).member(ref.from()),
                        Names.site(c.name(), ref.from()) + ": calls " + Names.method(owner, ref.name(),
                                ref.descriptor()) + ", which ends the host JVM and every plugin in it" + reached,
                        "throw an exception or return an error instead; only the host may end the JVM"));
            }
        }
        if (!unreached.isEmpty()) {
            findings.add(Finding.info(FindingCode.SYSTEM_EXIT, classes.archive().descriptor().id(),
                    Location.type(classes.archive().path(), firstUnreached),
                    classes.archive().path().getFileName() + ": " + unreached.size() + " method"
                            + (unreached.size() == 1 ? " that ends" : "s that end")
                            + " the JVM, none reached from an entry point (" + Names.sample(unreached, 3) + ")",
                    "nothing to do unless the plugin runs that code by reflection"));
        }
    }
}
