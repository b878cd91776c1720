package dev.plinth.verify;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code entry-point}: each provider listed in {@code META-INF/services/<interface>} for a shared interface (and so
 * for {@code dev.plinth.api.Plugin}) must be instantiable by ServiceLoader: present in the jar, public, top-level
 * or static nested, and either a concrete class implementing the interface with a public no-arg constructor, or
 * a class with a public static no-arg {@code provider()} method returning an implementation. Services files of
 * interfaces outside the shared packages belong to the plugin's own libraries and are not checked.
 *
 * <p>A class annotated {@code @dev.plinth.api.Extension} that no services file lists is a warning: the annotation
 * processor did not run, or the entry was lost while repackaging.
 */
final class EntryPointCheck implements Check {
    private static final String EXTENSION = "Ldev/plinth/api/Extension;";

    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        PluginArchive archive = classes.archive();
        Set<String> listed = new HashSet<>();
        new TreeMap<>(archive.services()).forEach((service, entries) -> {
            for (PluginArchive.ServiceEntry entry : entries) {
                listed.add(entry.provider());
                if (classes.host().isShared(service)) {
                    problem(classes, entry).ifPresent(findings::add);
                }
            }
        });
        for (ClassModel c : classes.pluginClasses().values()) {
            if (c.annotations().contains(EXTENSION) && !listed.contains(c.binaryName())) {
                String service = sharedInterface(classes, c).orElse("<interface>");
                findings.add(Finding.warning(FindingCode.ENTRY_POINT, archive.descriptor().id(),
                        Location.type(archive.path(), c.binaryName()),
                        c.binaryName() + ": annotated @Extension but listed in no META-INF/services file",
                        "add " + c.binaryName() + " to META-INF/services/" + service
                                + ", or enable Plinth's annotation processor"));
            }
        }
    }

    private static Optional<Finding> problem(ClassSpace classes, PluginArchive.ServiceEntry entry) {
        PluginArchive archive = classes.archive();
        String provider = entry.provider();
        String line = " (" + entry.file() + " line " + entry.line() + ")";
        String subject = entry.service() + ": provider " + provider;
        Location location = new Location(archive.path(), entry.file(), provider, null);
        ClassModel c = classes.pluginClasses().get(provider.replace('.', '/'));
        if (c == null) {
            if (archive.classes().containsKey(provider) && !classes.host().isShared(provider)) {
                return Optional.empty(); // present but unparseable: counted by the linkage check
            }
            String fix = closest(provider, archive.classes().keySet()).map(s -> "did you mean " + s + "?" + line)
                    .orElse("add " + provider + " to the jar (a minimizing shade step may have removed it), or"
                            + " delete the entry" + line);
            return error(classes, location, subject + " not found in " + archive.path().getFileName(), fix);
        }
        if (!c.isPublic()) {
            return error(classes, location, subject + " is not public", "declare " + provider + " public" + line);
        }
        if (!c.isTopLevelOrStaticMember()) {
            return error(classes, location, subject + " is an inner class; ServiceLoader has no enclosing instance"
                    + " to create it with", "declare " + provider + " static, or make it a top-level class" + line);
        }
        String service = entry.service().replace('.', '/');
        Optional<ClassModel.Member> factory = c.methods().values().stream()
                .filter(m -> m.name().equals("provider") && m.descriptor().startsWith("()L")
                        && m.is(ClassModel.STATIC) && m.is(ClassModel.PUBLIC)).findFirst();
        if (factory.isPresent()) {
            String returned = factory.get().descriptor().substring(3, factory.get().descriptor().length() - 1);
            return isSubtype(classes, returned, service) ? Optional.empty() : error(classes,
                    location.member("provider" + factory.get().descriptor()), subject + ": provider() returns "
                            + Names.binary(returned) + ", which does not implement " + entry.service(),
                    "make provider() return a " + entry.service() + line);
        }
        if (c.isInterface() || c.isAbstract()) {
            return error(classes, location, subject + (c.isInterface() ? " is an interface" : " is abstract"),
                    "list a concrete class that implements " + entry.service() + line);
        }
        if (!isSubtype(classes, c.name(), service)) {
            Optional<String> other = sharedInterface(classes, c);
            return error(classes, location, subject + " does not implement " + entry.service()
                    + other.map(i -> " (it implements " + i + ")").orElse(""), other.map(i -> "move the line to"
                    + " META-INF/services/" + i + ", or implement " + entry.service() + " in " + provider + line)
                    .orElse("implement " + entry.service() + " in " + provider
                            + ", or list it in the services file of the interface it implements" + line));
        }
        boolean constructor = c.method("<init>", "()V").filter(m -> m.is(ClassModel.PUBLIC)).isPresent();
        return constructor ? Optional.empty() : error(classes, location.member("<init>()V"),
                subject + " has no public no-arg constructor or public static provider() method",
                "add a public no-arg constructor to " + provider + ", or a public static provider() method" + line);
    }

    private static Optional<Finding> error(ClassSpace classes, Location location, String message, String fix) {
        return Optional.of(Finding.error(FindingCode.ENTRY_POINT, classes.archive().descriptor().id(), location,
                message, fix));
    }

    /**
     * Whether {@code type} is {@code service} or has it among its supertypes. An unreadable supertype counts as a
     * match: the linkage check reports it, and a second finding would only guess.
     */
    private static boolean isSubtype(ClassSpace classes, String type, String service) {
        HostClasses.Found found = classes.find(type);
        if (found.model() == null) {
            return true;
        }
        if (type.equals(service)) {
            return true;
        }
        Linker linker = new Linker(classes);
        Linker.Walk walk = new Linker.Walk();
        for (HostClasses.Found k = found; k != null; k = linker.superclass(k, walk)) {
            if (k.model().name().equals(service)) {
                return true;
            }
        }
        return linker.superinterfaces(found, walk).stream().anyMatch(i -> i.model().name().equals(service))
                || walk.incomplete;
    }

    private static Optional<String> sharedInterface(ClassSpace classes, ClassModel c) {
        Linker linker = new Linker(classes);
        return linker.superinterfaces(classes.find(c.name()), new Linker.Walk()).stream()
                .map(i -> i.model().binaryName()).filter(classes.host()::isShared).findFirst();
    }

    /** The class of the jar whose simple or binary name is nearest to {@code name}, if any is near enough. */
    static Optional<String> closest(String name, Set<String> candidates) {
        String simple = simpleName(name);
        int threshold = Math.max(2, simple.length() / 3);
        Map<String, Integer> distances = new TreeMap<>();
        for (String candidate : candidates) {
            int d = Math.min(EditDistance.of(simple, simpleName(candidate)), EditDistance.of(name, candidate));
            if (d <= threshold) {
                distances.put(candidate, d);
            }
        }
        return distances.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey);
    }

    private static String simpleName(String binaryName) {
        return binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
    }
}
