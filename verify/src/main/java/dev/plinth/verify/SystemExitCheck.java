package dev.plinth.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code system-exit}: a call to {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} in plugin
 * code. It is an error, not a warning: it ends the host and every other plugin with it, and since the security
 * manager is gone nothing can intercept it at run time. One finding per calling method.
 */
final class SystemExitCheck implements Check {
    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        Linker linker = new Linker(classes);
        for (ClassModel c : classes.pluginClasses().values()) {
            Set<String> reported = new HashSet<>();
            for (ClassModel.Ref ref : c.refs()) {
                if (ref.kind() != ClassModel.Kind.METHOD || ref.from() == null) {
                    continue;
                }
                String owner = linker.declaringClass(ref);
                if (CallSinks.exits(owner, ref.name()) && reported.add(ref.from())) {
                    findings.add(Finding.error(FindingCode.SYSTEM_EXIT, classes.archive().descriptor().id(),
                            Location.type(classes.archive().path(), c.binaryName()).member(ref.from()),
                            Names.site(c.name(), ref.from()) + ": calls " + Names.method(owner, ref.name(),
                                    ref.descriptor()) + ", which ends the host JVM and every plugin in it",
                            "throw an exception or return an error instead; only the host may end the JVM"));
                }
            }
        }
    }
}
