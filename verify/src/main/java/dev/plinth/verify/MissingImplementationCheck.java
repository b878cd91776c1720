package dev.plinth.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code api-mismatch}: a concrete plugin class must implement every abstract method of the host's version of the
 * shared types it extends or implements. A plugin compiled against an older API misses methods the host added
 * without a default; calling one throws {@code AbstractMethodError}. Methods inherited from a superclass or as an
 * interface default count as implemented, so compatible evolution (added default methods) is never reported.
 */
final class MissingImplementationCheck implements Check {
    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        Linker linker = new Linker(classes);
        for (ClassModel c : classes.pluginClasses().values()) {
            if (c.isInterface() || c.isAbstract()) {
                continue;
            }
            HostClasses.Found self = classes.find(c.name());
            Linker.Walk walk = new Linker.Walk();
            List<HostClasses.Found> chain = new ArrayList<>();
            for (HostClasses.Found k = self; k != null; k = linker.superclass(k, walk)) {
                chain.add(k);
            }
            List<HostClasses.Found> interfaces = linker.superinterfaces(self, walk);
            if (walk.incomplete) {
                continue; // the missing supertype is reported by the linkage check
            }
            List<HostClasses.Found> types = new ArrayList<>(chain);
            types.addAll(interfaces);
            for (HostClasses.Found t : types) {
                boolean sharedHostType = t.origin() == HostClasses.Origin.HOST
                        && classes.host().isShared(t.model().binaryName());
                if (!sharedHostType && t.origin() != HostClasses.Origin.DEPENDENCY) {
                    continue;
                }
                for (ClassModel.Member m : t.model().methods().values()) {
                    if (m.is(ClassModel.ABSTRACT) && !implemented(m, chain, interfaces)) {
                        findings.add(finding(classes, c, m));
                    }
                }
            }
        }
    }

    private static boolean implemented(ClassModel.Member m, List<HostClasses.Found> chain,
                                       List<HostClasses.Found> interfaces) {
        for (HostClasses.Found k : chain) {
            ClassModel.Member impl = k.model().method(m.name(), m.descriptor()).orElse(null);
            if (impl != null && !impl.is(ClassModel.STATIC) && !impl.is(ClassModel.PRIVATE)) {
                return !impl.is(ClassModel.ABSTRACT);
            }
        }
        return interfaces.stream().map(i -> i.model().method(m.name(), m.descriptor()).orElse(null))
                .anyMatch(d -> d != null && !d.is(ClassModel.ABSTRACT) && !d.is(ClassModel.STATIC)
                        && !d.is(ClassModel.PRIVATE));
    }

    private static Finding finding(ClassSpace classes, ClassModel c, ClassModel.Member m) {
        String missing = Names.method(m.owner(), m.name(), m.descriptor());
        return Finding.error(FindingCode.API_MISMATCH, classes.archive().descriptor().id(),
                Location.type(classes.archive().path(), c.binaryName()).member(m.name() + m.descriptor()),
                c.binaryName() + ": does not implement " + missing
                        + " added in the host API; calls will throw AbstractMethodError",
                "implement " + Names.method(m.name(), m.descriptor()) + " in " + c.binaryName()
                        + " and rebuild the plugin against the host's API version");
    }
}
