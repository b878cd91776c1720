package dev.plinth.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides {@link ContextLoaderSwitch} for one plugin: every reference that the code its entry points reach makes is
 * judged, in class and code order, and the first one that may consult the thread context class loader, or may run
 * code this analysis does not see, keeps the switch (see {@link ContextLoaderReaders} for the JDK's members).
 *
 * <p>What counts, for a reference of reachable code:
 * <ul>
 *   <li>a call, or a method handle, resolved as the JVM would: to a JDK method listed in
 *       {@link ContextLoaderReaders}; to a native method of the plugin; to a method of the host that is not the JDK's
 *       (the shared API, {@code dev.plinth.api}, the host's libraries) or of a plugin it depends on; or one that
 *       does not resolve for want of a readable supertype;</li>
 *   <li>a static field of the host or of a plugin it depends on (its static initializer may run).</li>
 * </ul>
 * Class references, instance fields and calls into the plugin's own code do not count: that code is judged
 * itself where it is reachable. A call that resolves nowhere cannot run and does not count either. Before any of
 * that, a provider that leaves a default method of the host's extension interface to the host keeps the switch
 * ({@link InheritedDefaults}): a handle runs that host code without the plugin calling it.
 */
final class ContextLoaderAnalysis {
    private final ClassSpace space;
    private final Linker linker;
    /** A symbol is named from many sites; its judgement does not depend on the site. */
    private final Map<Symbol, Optional<String>> judged = new HashMap<>();

    private record Symbol(ClassModel.Kind kind, String owner, String name, String descriptor, int opcode,
                          boolean isInterface) {
    }

    private ContextLoaderAnalysis(ClassSpace space) {
        this.space = space;
        this.linker = new Linker(space);
    }

    /** The judgement for the plugin of {@code space}. */
    static ContextLoaderSwitch of(ClassSpace space) {
        if (!space.unparseable().isEmpty()) {
            return ContextLoaderSwitch.needed(space.archive().path().getFileName() + ": "
                    + space.unparseable().size() + " class file(s) could not be read, so their code is not known");
        }
        Optional<String> inherited = InheritedDefaults.first(space);
        if (inherited.isPresent()) {
            return ContextLoaderSwitch.needed(inherited.get());
        }
        ContextLoaderAnalysis analysis = new ContextLoaderAnalysis(space);
        Reachability reach = space.reachability();
        for (ClassModel c : space.pluginClasses().values()) {
            for (ClassModel.Ref ref : c.refs()) {
                if (ref.from() == null || !reach.reaches(c.name(), ref.from())) {
                    continue;
                }
                Optional<String> why = analysis.judge(ref);
                if (why.isPresent()) {
                    return ContextLoaderSwitch.needed(Names.site(c.name(), ref.from()) + ": " + why.get());
                }
            }
        }
        return ContextLoaderSwitch.notNeeded();
    }

    private Optional<String> judge(ClassModel.Ref ref) {
        if (ref.owner().startsWith("[") || ref.kind() == ClassModel.Kind.CLASS || ref.kind() == ClassModel.Kind.NEW) {
            return Optional.empty();
        }
        Symbol symbol = new Symbol(ref.kind(), ref.owner(), ref.name(), ref.descriptor(), ref.opcode(),
                ref.isInterface());
        Optional<String> known = judged.get(symbol);
        if (known == null) {
            known = judgeOnce(ref);
            judged.put(symbol, known);
        }
        return known;
    }

    private Optional<String> judgeOnce(ClassModel.Ref ref) {
        return switch (ref.kind()) {
            case METHOD -> call(ref);
            case FIELD_GET, FIELD_PUT -> ref.isStatic() ? staticField(ref) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<String> call(ClassModel.Ref ref) {
        ClassModel.Member target = linker.target(ref);
        String owner = target == null ? ref.owner() : target.owner();
        HostClasses.Found found = space.find(owner);
        String called = Names.method(owner, ref.name(), ref.descriptor());
        if (found.isMissing()) {
            return Optional.empty();
        }
        if (found.origin() == HostClasses.Origin.PLUGIN) {
            if (target == null) {
                return Optional.of("calls " + called + ", which the analysis cannot resolve");
            }
            return target.is(ClassModel.NATIVE) ? Optional.of("calls " + called + ", a native method, which the"
                    + " analysis does not follow") : Optional.empty();
        }
        return outside(owner, found, called, ref.name(), ref.descriptor());
    }

    private Optional<String> staticField(ClassModel.Ref ref) {
        String owner = ref.owner();
        HostClasses.Found found = space.find(owner);
        while (found.origin() == HostClasses.Origin.PLUGIN && found.model() != null
                && found.model().field(ref.name(), ref.descriptor()).isEmpty() && found.model().superName() != null) {
            owner = found.model().superName();
            found = space.find(owner);
        }
        if (found.isMissing() || found.origin() == HostClasses.Origin.PLUGIN) {
            return Optional.empty();
        }
        return outside(owner, found, Names.type(owner) + "." + ref.name(), null, null);
    }

    /** A member of a class outside the plugin: the JDK's by the list, anything else as code not followed. */
    private Optional<String> outside(String owner, HostClasses.Found found, String what, String method,
                                     String descriptor) {
        if (found.origin() == HostClasses.Origin.DEPENDENCY) {
            return Optional.of("uses " + what + " of "
                    + space.dependencyOf(owner).map(d -> "plugin " + d.descriptor().id()).orElse("a dependency")
                    + ", whose code the analysis does not follow");
        }
        if (!space.isJdk(owner)) {
            return Optional.of("uses " + what + " of the host, whose code the analysis does not follow");
        }
        if (method == null) {
            return Optional.empty();
        }
        return ContextLoaderReaders.reason(owner, method, descriptor).map(why -> "calls " + what + ", which " + why);
    }
}
