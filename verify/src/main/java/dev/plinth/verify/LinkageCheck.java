package dev.plinth.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code api-mismatch} and {@code unresolved-reference}: every class, method and field reference in the plugin's
 * class files is resolved as the JVM would resolve it when the plugin runs (see {@link Linker}), so a
 * {@code NoSuchMethodError} or {@code NoClassDefFoundError} at 3 a.m. becomes a finding at load time.
 *
 * <p>A reference into a shared package that fails is {@code api-mismatch} (the plugin was compiled against another
 * host API version); any other failure is {@code unresolved-reference}. Both are errors, except where the
 * instruction is guarded by a handler catching {@code LinkageError} (or a subclass or supertype of it): such code
 * expects an optional dependency, so the finding is a warning. Class files that cannot be parsed are counted in one
 * info finding, never skipped silently.
 */
final class LinkageCheck implements Check {
    private static final String THROWS_ICCE = "; linking throws IncompatibleClassChangeError";
    private static final String THROWS_IAE = "; linking throws IllegalAccessError";

    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        Linker linker = new Linker(classes);
        Set<String> reported = new HashSet<>();
        for (ClassModel c : classes.pluginClasses().values()) {
            for (ClassModel.Ref ref : c.refs()) {
                Linker.Outcome outcome = switch (ref.kind()) {
                    case CLASS, NEW -> linker.resolveClass(ref.owner(), c);
                    case FIELD_GET, FIELD_PUT -> linker.resolveField(ref, c);
                    case METHOD -> linker.resolveMethod(ref, c);
                };
                if (outcome.status() != Linker.Status.OK && outcome.status() != Linker.Status.UNKNOWN) {
                    Finding f = finding(classes, c, ref, outcome);
                    if (reported.add(f.message())) {
                        findings.add(f);
                    }
                }
            }
        }
        reportUnparsed(classes, findings);
    }

    private static Finding finding(ClassSpace classes, ClassModel c, ClassModel.Ref ref, Linker.Outcome outcome) {
        String target = outcome.target();
        boolean shared = classes.host().isShared(Names.binary(target));
        String site = ref.from() == null ? Names.binary(c.name()) : Names.site(c.name(), ref.from());
        String what = what(ref);
        boolean refersToClass = ref.name() == null;
        String message = site + ": " + what + switch (outcome.status()) {
            case MISSING_CLASS -> refersToClass ? (shared ? " which the host API does not have"
                    : " which neither the plugin nor the host has")
                    : (shared ? ", but the host API has no class " : ", but neither the plugin nor the host has ")
                    + Names.binary(target);
            case MISSING_MEMBER -> shared ? " which the host API does not have"
                    : " which " + Names.binary(target) + " (" + origin(classes, target) + ") does not have";
            case INCOMPATIBLE -> (outcome.detail().contains("method") || outcome.detail().contains("field")
                    ? ", which " : ", but " + Names.binary(target) + " ") + outcome.detail() + THROWS_ICCE;
            default -> refersToClass ? " which is not public" + THROWS_IAE
                    : ", which " + outcome.detail() + THROWS_IAE;
        };
        String subject = refersToClass ? Names.binary(Linker.elementClass(ref.owner())) : member(ref);
        String fix;
        if (shared) {
            fix = "rebuild the plugin against the host's API version, or stop using " + subject;
        } else if (outcome.status() == Linker.Status.MISSING_CLASS) {
            fix = "bundle the library that provides " + Names.binary(target)
                    + " in the plugin jar, or put it on the host's class path";
        } else {
            fix = "bundle the version of the library with " + Names.binary(target)
                    + " that the plugin was compiled against";
        }
        Location location = Location.type(classes.archive().path(), c.binaryName()).member(ref.from());
        String plugin = classes.archive().descriptor().id();
        FindingCode code = shared ? FindingCode.API_MISMATCH : FindingCode.UNRESOLVED_REFERENCE;
        if (ref.guarded()) {
            return Finding.warning(code, plugin, location, message + " (guarded by a LinkageError handler)",
                    "make sure the fallback is intended; otherwise " + fix);
        }
        return Finding.error(code, plugin, location, message, fix);
    }

    private static String what(ClassModel.Ref ref) {
        return switch (ref.kind()) {
            case CLASS -> ref.opcode() == ClassModel.Ref.HEADER
                    ? (ref.isInterface() ? "implements " : "extends ") + Names.binary(ref.owner())
                    : "references class " + Names.binary(Linker.elementClass(ref.owner()));
            case NEW -> "instantiates " + Names.binary(ref.owner());
            case FIELD_GET -> "reads field " + member(ref);
            case FIELD_PUT -> "writes field " + member(ref);
            case METHOD -> "calls " + member(ref);
        };
    }

    private static String member(ClassModel.Ref ref) {
        return ref.kind() == ClassModel.Kind.METHOD ? Names.method(ref.owner(), ref.name(), ref.descriptor())
                : Names.type(ref.owner()) + "." + ref.name();
    }

    private static String origin(ClassSpace classes, String internalName) {
        return classes.find(internalName).origin() == HostClasses.Origin.PLUGIN ? "in the plugin" : "on the host";
    }

    private static void reportUnparsed(ClassSpace classes, List<Finding> findings) {
        Map<String, String> unparsed = classes.unparseable();
        if (unparsed.isEmpty()) {
            return;
        }
        Map.Entry<String, String> first = unparsed.entrySet().iterator().next();
        PluginArchive archive = classes.archive();
        findings.add(Finding.info(FindingCode.UNRESOLVED_REFERENCE, archive.descriptor().id(),
                Location.entry(archive.path(), first.getKey()),
                archive.path().getFileName() + ": " + unparsed.size() + " class file" + (unparsed.size() == 1 ? ""
                        : "s") + " not checked for linkage (" + first.getKey() + ": " + first.getValue() + ")",
                "rebuild the jar; the JVM cannot load a class file that does not parse (ClassFormatError)"));
    }
}
