package dev.plinth.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves symbolic references the way the JVM does (JVMS 5.4.3): class lookup through the plugin's loader,
 * method lookup in the class, its superclasses, then its superinterfaces; field lookup in the class, its
 * superinterfaces, then its superclass; then the static/instance and access checks. Nothing is loaded.
 *
 * <p>When a supertype cannot be found or read, the outcome is {@link Status#UNKNOWN}: the missing supertype is
 * reported where it is named, and guessing about its members would only add noise.
 */
final class Linker {
    private static final String OBJECT = "java/lang/Object";
    private static final Set<String> POLYMORPHIC = Set.of("java/lang/invoke/MethodHandle",
            "java/lang/invoke/VarHandle");
    private static final String POLYMORPHIC_DESCRIPTOR = "([Ljava/lang/Object;)Ljava/lang/Object;";

    private static final ClassModel.Member NO_TARGET = new ClassModel.Member("", "", "", 0);

    private final ClassSpace space;
    private final Map<Key, Outcome> resolved = new HashMap<>();
    private boolean askedFrom;

    Linker(ClassSpace space) {
        this.space = space;
    }

    /** How a reference resolves. */
    enum Status { OK, MISSING_CLASS, MISSING_MEMBER, INCOMPATIBLE, ILLEGAL_ACCESS, UNKNOWN }

    /**
     * The outcome of resolving one reference.
     *
     * @param status what happened
     * @param target the class that was missing, or the owner that was found
     * @param detail for INCOMPATIBLE and ILLEGAL_ACCESS, why
     */
    record Outcome(Status status, String target, String detail) {
        private static final Outcome OK = new Outcome(Status.OK, null, null);

        static Outcome ok() {
            return OK;
        }

        static Outcome unknown() {
            return new Outcome(Status.UNKNOWN, null, null);
        }
    }

    /**
     * Resolves any reference made by {@code from}. The same symbol is named from many places of a jar: an outcome
     * that did not depend on the referring class (no private, package-private or non-public class access was
     * judged) is remembered and reused for every other reference to that symbol.
     */
    Outcome resolve(ClassModel.Ref ref, ClassModel from) {
        Key key = Key.of(ref);
        Outcome known = resolved.get(key);
        if (known != null) {
            return known;
        }
        askedFrom = false;
        Outcome outcome = switch (ref.kind()) {
            case CLASS, NEW -> resolveClass(ref.owner(), from);
            case FIELD_GET, FIELD_PUT -> resolveField(ref, from);
            case METHOD -> resolveMethod(ref, from);
        };
        if (!askedFrom) {
            resolved.put(key, outcome);
        }
        return outcome;
    }

    /**
     * What resolving a reference depends on besides the referring class: the symbol, whether it is a method or
     * field or class, whether the instruction is static, whether it names an interface method.
     */
    private record Key(int sort, String owner, String name, String descriptor, int hash) {
        Key(int sort, String owner, String name, String descriptor) {
            this(sort, owner, name, descriptor, (sort * 31 + owner.hashCode()) * 31 + (name == null ? 0
                    : name.hashCode() * 31 + descriptor.hashCode()));
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && sort == k.sort && owner.equals(k.owner)
                    && java.util.Objects.equals(name, k.name) && java.util.Objects.equals(descriptor, k.descriptor);
        }

        static Key of(ClassModel.Ref ref) {
            return switch (ref.kind()) {
                case CLASS, NEW -> new Key(0, ref.owner(), null, null);
                case FIELD_GET, FIELD_PUT -> new Key(ref.isStatic() ? 2 : 1, ref.owner(), ref.name(),
                        ref.descriptor());
                case METHOD -> new Key(3 + (ref.opcode() == 0xb8 ? 1 : 0) + (ref.isInterface() ? 2 : 0),
                        ref.owner(), ref.name(), ref.descriptor());
            };
        }
    }

    /** Resolves a class (or array) reference made by {@code from}. */
    Outcome resolveClass(String name, ClassModel from) {
        String element = elementClass(name);
        if (element == null) {
            return Outcome.ok();
        }
        HostClasses.Found found = space.find(element);
        if (found.isMissing()) {
            return new Outcome(Status.MISSING_CLASS, element, null);
        }
        if (found.isOpaque()) {
            return Outcome.unknown();
        }
        ClassModel c = found.model();
        if ((c.access() & ClassModel.PUBLIC) == 0 && !samePackage(c, found.origin(), from)) {
            return new Outcome(Status.ILLEGAL_ACCESS, element, "is not public");
        }
        return Outcome.ok();
    }

    /** Resolves a method reference: JVMS 5.4.3.3 (class methods) and 5.4.3.4 (interface methods). */
    Outcome resolveMethod(ClassModel.Ref ref, ClassModel from) {
        String owner = ref.owner().startsWith("[") ? OBJECT : ref.owner();
        Outcome classOutcome = resolveClass(owner, from);
        if (classOutcome.status() != Status.OK) {
            return classOutcome;
        }
        if (ref.owner().startsWith("[") && ref.name().equals("clone")) {
            return Outcome.ok();
        }
        HostClasses.Found c = space.find(owner);
        if (!ref.owner().startsWith("[") && ref.isInterface() != c.model().isInterface()) {
            return new Outcome(Status.INCOMPATIBLE, owner, c.model().isInterface() ? "is an interface, not a class"
                    : "is a class, not an interface");
        }
        Walk walk = new Walk();
        ClassModel.Member m = ref.name().equals("<init>") ? c.model().method(ref.name(), ref.descriptor())
                .orElse(null) : lookupMethod(c, ref.name(), ref.descriptor(), walk);
        if (m == null) {
            return walk.incomplete ? Outcome.unknown() : new Outcome(Status.MISSING_MEMBER, owner, null);
        }
        boolean invokedStatic = ref.opcode() == 0xb8;
        if (invokedStatic != m.is(ClassModel.STATIC)) {
            return new Outcome(Status.INCOMPATIBLE, owner, invokedStatic ? "is an instance method, not static"
                    : "is static, not an instance method");
        }
        return access(m, from);
    }

    /** Resolves a field reference: JVMS 5.4.3.2. */
    Outcome resolveField(ClassModel.Ref ref, ClassModel from) {
        Outcome classOutcome = resolveClass(ref.owner(), from);
        if (classOutcome.status() != Status.OK) {
            return classOutcome;
        }
        Walk walk = new Walk();
        ClassModel.Member f = lookupField(space.find(ref.owner()), ref.name(), ref.descriptor(), walk,
                new LinkedHashSet<>());
        if (f == null) {
            return walk.incomplete ? Outcome.unknown() : new Outcome(Status.MISSING_MEMBER, ref.owner(), null);
        }
        if (ref.isStatic() != f.is(ClassModel.STATIC)) {
            return new Outcome(Status.INCOMPATIBLE, ref.owner(), ref.isStatic() ? "is an instance field, not static"
                    : "is static, not an instance field");
        }
        return access(f, from);
    }

    /**
     * The class that declares the method a call resolves to (an inherited {@code start()} of a plugin's
     * {@code Thread} subclass is {@code java/lang/Thread}); the named owner when it does not resolve.
     */
    String declaringClass(ClassModel.Ref ref) {
        if (ref.owner().startsWith("[") || ref.name().equals("<init>")) {
            return ref.owner();
        }
        ClassModel.Member m = target(ref);
        return m == null ? ref.owner() : m.owner();
    }

    /** The method a call resolves to, as its declaring class has it; null when it does not resolve. */
    ClassModel.Member target(ClassModel.Ref ref) {
        ClassModel.Member m = space.targets().computeIfAbsent(ref, this::lookUpTarget);
        return m == NO_TARGET ? null : m;
    }

    private ClassModel.Member lookUpTarget(ClassModel.Ref ref) {
        if (ref.owner().startsWith("[")) {
            return NO_TARGET;
        }
        HostClasses.Found c = space.find(ref.owner());
        if (c.model() == null) {
            return NO_TARGET;
        }
        ClassModel.Member m = ref.name().equals("<init>") ? c.model().method(ref.name(), ref.descriptor())
                .orElse(null) : lookupMethod(c, ref.name(), ref.descriptor(), new Walk());
        return m == null ? NO_TARGET : m;
    }

    private ClassModel.Member lookupMethod(HostClasses.Found c, String name, String descriptor, Walk walk) {
        ClassModel model = c.model();
        if (!model.isInterface()) {
            if (POLYMORPHIC.contains(model.name()) && isPolymorphic(model, name)) {
                return model.methods().values().stream().filter(m -> m.name().equals(name)).findFirst().get();
            }
            for (HostClasses.Found k = c; k != null; k = superclass(k, walk)) {
                ClassModel.Member m = k.model().method(name, descriptor).orElse(null);
                if (m != null) {
                    return m;
                }
            }
        } else {
            ClassModel.Member own = model.method(name, descriptor).orElse(null);
            if (own != null) {
                return own;
            }
            ClassModel.Member inObject = space.model(OBJECT).flatMap(o -> o.method(name, descriptor))
                    .filter(m -> m.is(ClassModel.PUBLIC) && !m.is(ClassModel.STATIC)).orElse(null);
            if (inObject != null) {
                return inObject;
            }
        }
        for (HostClasses.Found i : superinterfaces(c, walk)) {
            ClassModel.Member m = i.model().method(name, descriptor).orElse(null);
            if (m != null && !m.is(ClassModel.PRIVATE) && !m.is(ClassModel.STATIC)) {
                return m;
            }
        }
        return null;
    }

    private ClassModel.Member lookupField(HostClasses.Found c, String name, String descriptor, Walk walk,
                                          Set<String> seen) {
        if (c.model() == null) {
            walk.incomplete = true;
            return null;
        }
        if (!seen.add(c.model().name())) {
            return null;
        }
        ClassModel.Member own = c.model().field(name, descriptor).orElse(null);
        if (own != null) {
            return own;
        }
        for (String i : c.model().interfaces()) {
            ClassModel.Member m = lookupField(space.find(i, c.origin()), name, descriptor, walk, seen);
            if (m != null) {
                return m;
            }
        }
        HostClasses.Found sup = superclass(c, walk);
        return sup == null ? null : lookupField(sup, name, descriptor, walk, seen);
    }

    /** The superclass of a found class, or null at the top (or when it is unreadable, marking the walk). */
    HostClasses.Found superclass(HostClasses.Found c, Walk walk) {
        String sup = c.model().superName();
        if (sup == null) {
            return null;
        }
        HostClasses.Found found = space.find(sup, c.origin());
        if (found.model() == null) {
            walk.incomplete = true;
            return null;
        }
        return found;
    }

    /** Every superinterface of a class or interface and of its superclasses, nearest first, without repeats. */
    List<HostClasses.Found> superinterfaces(HostClasses.Found c, Walk walk) {
        List<HostClasses.Found> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<HostClasses.Found> queue = new ArrayList<>();
        for (HostClasses.Found k = c; k != null; k = superclass(k, walk)) {
            queue.add(k);
        }
        for (int i = 0; i < queue.size(); i++) {
            HostClasses.Found k = queue.get(i);
            for (String name : k.model().interfaces()) {
                HostClasses.Found found = space.find(name, k.origin());
                if (found.model() == null) {
                    walk.incomplete = true;
                } else if (seen.add(name)) {
                    result.add(found);
                    queue.add(found);
                }
            }
        }
        return result;
    }

    private Outcome access(ClassModel.Member m, ClassModel from) {
        HostClasses.Found declaring = space.find(m.owner());
        if (m.is(ClassModel.PRIVATE)) {
            askedFrom = true;
            boolean nestmate = declaring.model() != null && declaring.origin() == HostClasses.Origin.PLUGIN
                    && declaring.model().nestHost().equals(from.nestHost());
            return nestmate || m.owner().equals(from.name()) ? Outcome.ok()
                    : new Outcome(Status.ILLEGAL_ACCESS, m.owner(), "is private");
        }
        if (!m.is(ClassModel.PUBLIC) && !m.is(ClassModel.PROTECTED) && declaring.model() != null
                && !samePackage(declaring.model(), declaring.origin(), from)) {
            return new Outcome(Status.ILLEGAL_ACCESS, m.owner(), "is package-private");
        }
        return Outcome.ok();
    }

    /** Same runtime package: same package name and the same defining side (a plugin cannot join a host package). */
    private boolean samePackage(ClassModel c, HostClasses.Origin origin, ClassModel from) {
        askedFrom = true;
        return origin == HostClasses.Origin.PLUGIN && c.packageName().equals(from.packageName());
    }

    private static boolean isPolymorphic(ClassModel c, String name) {
        return c.methods().values().stream().anyMatch(m -> m.name().equals(name) && m.is(ClassModel.NATIVE)
                && m.is(ClassModel.VARARGS) && m.descriptor().startsWith(POLYMORPHIC_DESCRIPTOR.substring(0, 21)));
    }

    /** The class an array or class name denotes, or null for primitive arrays. */
    static String elementClass(String name) {
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return name;
        }
        return name.charAt(dims) == 'L' ? name.substring(dims + 1, name.length() - 1) : null;
    }

    /** Marks a lookup that met an unreadable supertype, so its "not found" cannot be trusted. */
    static final class Walk {
        boolean incomplete;
    }
}
