package dev.plinth.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns failed references into findings whose severity says whether the plugin will fail, grouped so a fat jar
 * gives a readable report:
 *
 * <ul>
 *   <li><b>error</b>, one per missing symbol, with the path from an entry point: a reachable reference into a
 *       shared package; a reachable member missing from (or incompatible with) a class that exists — a version
 *       skew; a reachable class missing that the plugin's own code names, or that lies in a package that exists
 *       (a skew again).</li>
 *   <li><b>warning</b>, one per missing package: reachable code of a bundled library names a class of a package
 *       that exists nowhere — usually an optional dependency the library probes for (spring's log4j adapter,
 *       okhttp's Android platform).</li>
 *   <li><b>info</b>, one per missing package or class: references no entry point reaches, and references under a
 *       handler that catches {@code LinkageError} and carries on.</li>
 * </ul>
 */
final class LinkageReport {
    private static final int SAMPLE = 5;

    private final ClassSpace classes;
    private final Reachability reach;
    private final Map<String, List<Problem>> breaks = new LinkedHashMap<>();
    private final Map<String, List<Problem>> optional = new TreeMap<>();
    private final Map<String, List<Problem>> notes = new TreeMap<>();

    LinkageReport(ClassSpace classes) {
        this.classes = classes;
        this.reach = classes.reachability();
    }

    /** One failed reference. */
    private record Problem(ClassModel from, ClassModel.Ref ref, Linker.Outcome outcome, boolean shared) {
        FindingCode code() {
            return shared ? FindingCode.API_MISMATCH : FindingCode.UNRESOLVED_REFERENCE;
        }

        String site() {
            return ref.from() == null ? Names.binary(from.name()) : Names.site(from.name(), ref.from());
        }

        boolean missingClass() {
            return outcome.status() == Linker.Status.MISSING_CLASS;
        }
    }

    void add(ClassModel c, ClassModel.Ref ref, Linker.Outcome outcome) {
        boolean shared = classes.host().isShared(Names.binary(outcome.target()));
        Problem p = new Problem(c, ref, outcome, shared);
        boolean reachable = ref.from() == null ? reach.loads(c.name()) : reach.reaches(c.name(), ref.from());
        String pkg = packageOf(outcome.target());
        if (!reachable || ref.guarded()) {
            String group = p.missingClass() ? "package " + pkg : "class " + outcome.target();
            notes.computeIfAbsent((reachable ? "guarded " : "unreachable ") + p.code() + " " + group,
                    k -> new ArrayList<>()).add(p);
        } else if (!shared && p.missingClass() && !reach.isOwn(c.name()) && !classes.hasPackage(pkg)) {
            optional.computeIfAbsent(p.code() + " " + pkg, k -> new ArrayList<>()).add(p);
        } else {
            String symbol = p.missingClass() ? outcome.target() : what(ref) + "/" + outcome.status()
                    + "/" + outcome.detail();
            breaks.computeIfAbsent(p.code() + " " + symbol, k -> new ArrayList<>()).add(p);
        }
    }

    List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        breaks.values().stream().sorted(Comparator.comparingInt(g -> g.stream().mapToInt(this::depth).min()
                .orElse(0))).forEach(group -> findings.add(error(group))); // the most direct break first
        mergeSubpackages(optional).values().forEach(group -> findings.add(optional(group)));
        notes.forEach((key, group) -> findings.add(note(group, key.startsWith("guarded"))));
        return findings;
    }

    private Finding error(List<Problem> group) {
        Problem first = group.stream().min(Comparator.comparingInt(this::depth)).orElseThrow();
        Set<String> others = new LinkedHashSet<>();
        group.forEach(p -> others.add(p.site()));
        others.remove(first.site());
        String also = others.isEmpty() ? "" : "; also from " + Names.sample(others, 3);
        String path = first.ref().from() == null ? "" : reach.reachedFrom(first.from().name(), first.ref().from());
        String fix = fix(first);
        return Finding.error(first.code(), plugin(), location(first), message(first) + also + path, fix);
    }

    private int depth(Problem p) {
        return p.ref().from() == null ? 0 : reach.pathTo(p.from().name(), p.ref().from()).size();
    }

    /** Missing subpackages join their missing parent package's group: {@code org.slf4j.spi} with {@code org.slf4j}. */
    private static Map<String, List<Problem>> mergeSubpackages(Map<String, List<Problem>> byPackage) {
        Map<String, List<Problem>> merged = new LinkedHashMap<>();
        String root = null;
        for (Map.Entry<String, List<Problem>> e : byPackage.entrySet()) { // sorted: a parent precedes its children
            if (root != null && e.getKey().startsWith(root + "/")) {
                merged.get(root).addAll(e.getValue());
            } else {
                root = e.getKey();
                merged.put(root, new ArrayList<>(e.getValue()));
            }
        }
        return merged;
    }

    private Finding optional(List<Problem> group) {
        Problem first = group.get(0);
        String pkg = Names.binary(packageOf(first.outcome().target()));
        Set<String> packages = new java.util.TreeSet<>();
        Set<String> missing = new java.util.TreeSet<>();
        Set<String> users = new java.util.TreeSet<>();
        group.forEach(p -> {
            packages.add(Names.binary(packageOf(p.outcome().target())));
            missing.add(Names.binary(p.outcome().target()).substring(pkg.isEmpty() ? 0 : pkg.length() + 1));
            users.add(Names.binary(p.from().name()));
        });
        String subject = packages.size() == 1 ? pkg + ": no such package" : String.join(", ", packages)
                + ": no such packages";
        return Finding.warning(first.code(), plugin(), location(first),
                subject + " in the plugin or on the host, yet reachable code of bundled libraries uses "
                        + (packages.size() == 1 ? "it" : "them") + " (" + Names.sample(missing, SAMPLE) + " from "
                        + Names.sample(users, 3) + "); likely an optional dependency the library probes for",
                "if the plugin uses that feature, bundle the library with " + pkg
                        + " (without it those calls throw NoClassDefFoundError); otherwise nothing to do");
    }

    private Finding note(List<Problem> group, boolean guarded) {
        Problem first = group.get(0);
        boolean byPackage = first.missingClass();
        String subject = byPackage ? Names.binary(packageOf(first.outcome().target()))
                : Names.binary(first.outcome().target());
        Set<String> missing = new java.util.TreeSet<>();
        Set<String> users = new java.util.TreeSet<>();
        group.forEach(p -> {
            missing.add(byPackage ? Names.binary(p.outcome().target()).substring(subject.isEmpty() ? 0
                    : subject.length() + 1) : memberOnly(p.ref()));
            users.add(guarded ? p.site() : Names.binary(p.from().name()));
        });
        String kind = byPackage ? "not found" : "member" + (missing.size() == 1 ? "" : "s")
                + " missing or incompatible";
        String where = guarded ? "only under handlers that catch LinkageError and carry on ("
                : "only from code no entry point reaches (";
        return Finding.info(first.code(), plugin(), location(first),
                (subject.isEmpty() ? "(default package)" : subject) + ": " + kind + " (" + Names.sample(missing,
                        SAMPLE) + "), referenced " + where + Names.sample(users, 3) + ")",
                guarded ? "make sure the fallback is intended; otherwise " + fix(first)
                        : "nothing to do unless the plugin runs that code by reflection; then " + fix(first));
    }

    private String message(Problem p) {
        ClassModel.Ref ref = p.ref();
        Linker.Outcome outcome = p.outcome();
        String target = outcome.target();
        boolean refersToClass = ref.name() == null;
        return p.site() + ": " + what(ref) + switch (outcome.status()) {
            case MISSING_CLASS -> refersToClass ? (p.shared() ? " which the host API does not have"
                    : " which neither the plugin nor the host has")
                    : (p.shared() ? ", but the host API has no class " : ", but neither the plugin nor the host has ")
                    + Names.binary(target);
            case MISSING_MEMBER -> p.shared() ? " which the host API does not have"
                    : " which " + Names.binary(target) + " (" + origin(target) + ") does not have";
            case INCOMPATIBLE -> (outcome.detail().contains("method") || outcome.detail().contains("field")
                    ? ", which " : ", but " + Names.binary(target) + " ") + outcome.detail()
                    + "; linking throws IncompatibleClassChangeError";
            default -> refersToClass ? " which is not public; linking throws IllegalAccessError"
                    : ", which " + outcome.detail() + "; linking throws IllegalAccessError";
        };
    }

    private String fix(Problem p) {
        String target = p.outcome().target();
        if (p.shared()) {
            String subject = p.ref().name() == null ? Names.binary(Linker.elementClass(p.ref().owner()))
                    : member(p.ref());
            return "rebuild the plugin against the host's API version, or stop using " + subject;
        }
        if (p.missingClass()) {
            return "bundle the library that provides " + Names.binary(target)
                    + " in the plugin jar, or put it on the host's class path";
        }
        Optional<PluginArchive> dependency = classes.dependencyOf(target);
        if (dependency.isPresent()) {
            Descriptor d = dependency.get().descriptor();
            return "deploy the version of " + d.id() + " the plugin was compiled against, or rebuild the plugin"
                    + " against " + d.id() + " " + d.version() + "; narrow its Plugin-Dependencies range so this"
                    + " is caught as dependency-version";
        }
        return "bundle the version of the library with " + Names.binary(target)
                + " that the plugin was compiled against";
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

    private static String memberOnly(ClassModel.Ref ref) {
        if (ref.name() == null) {
            return Names.type(Linker.elementClass(ref.owner()));
        }
        return ref.kind() == ClassModel.Kind.METHOD ? Names.method(ref.name(), ref.descriptor()) : ref.name();
    }

    private String origin(String internalName) {
        return switch (classes.find(internalName).origin()) {
            case PLUGIN -> "in the plugin";
            case DEPENDENCY -> classes.dependencyOf(internalName).map(d -> "in " + d.descriptor().id() + " "
                    + d.descriptor().version()).orElse("in a dependency");
            default -> "on the host";
        };
    }

    private Location location(Problem p) {
        return Location.type(classes.archive().path(), p.from().binaryName()).member(p.ref().from());
    }

    private String plugin() {
        return classes.archive().descriptor().id();
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }
}
