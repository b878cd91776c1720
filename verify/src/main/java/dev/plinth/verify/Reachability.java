package dev.plinth.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a plugin's methods can run when the host uses it: a call graph from the plugin's entry points (the
 * providers its {@code META-INF/services} files list for shared interfaces, {@code dev.plinth.api.Plugin}
 * included) through its own classes and bundled libraries. Nothing is loaded or run.
 *
 * <p>The graph follows static, special and constructor calls to the method they resolve to; virtual and interface
 * calls to the resolved method and to every override in a class the reachable code instantiates (rapid type
 * analysis); method handles and lambdas ({@code invokedynamic} bootstrap arguments) like calls; the static
 * initializer of every class the code initializes. Methods of an instantiated class that override a method of a
 * host or JDK type count as reachable, since the JDK may call them ({@code toString}, {@code run}, {@code compare}).
 * Providers listed for a library's own service interface become instantiated when reachable code names that
 * interface as a constant ({@code ServiceLoader.load(Codec.class)}). Reflection is not followed.
 *
 * <p>A jar with no entry point is analysed whole: every method counts as reachable and every class as the
 * plugin's own, as nothing tells how it will be used.
 *
 * <h2>Threading</h2>
 * Built once per {@link ClassSpace}; not thread-safe.
 */
final class Reachability {
    private static final String ROOT = "";
    private static final String CLINIT = "<clinit>()V";

    private final ClassSpace space;
    private final Linker linker;
    private final boolean whole;
    private final Set<String> ownPackages = new HashSet<>();
    private final Map<String, List<String>> libraryProviders = new HashMap<>();
    private final Map<String, Map<String, String>> parents = new HashMap<>(); // owner → method → caller key
    private final Set<String> loaded = new HashSet<>();
    private final Set<String> initialized = new HashSet<>();
    private final Set<String> instantiated = new HashSet<>();
    private final Map<String, Set<String>> invokedOn = new HashMap<>();
    private final Map<String, List<String>> instancesOf = new HashMap<>();
    private final Set<String> dispatched = new HashSet<>();
    private final Map<String, List<HostClasses.Found>> interfaces = new HashMap<>();
    private final ArrayDeque<String[]> queue = new ArrayDeque<>();

    private Reachability(ClassSpace space, boolean whole) {
        this.space = space;
        this.linker = new Linker(space);
        this.whole = whole;
    }

    /** The reachable part of a plugin, from the entry points its services files list. */
    static Reachability of(ClassSpace space) {
        List<String> entries = new ArrayList<>();
        Map<String, List<String>> library = new HashMap<>();
        space.archive().services().forEach((service, providers) -> {
            for (PluginArchive.ServiceEntry p : providers) {
                String provider = p.provider().replace('.', '/');
                if (space.host().isShared(service)) {
                    entries.add(provider);
                } else {
                    library.computeIfAbsent(service.replace('.', '/'), s -> new ArrayList<>()).add(provider);
                }
            }
        });
        entries.removeIf(e -> !space.pluginClasses().containsKey(e));
        Reachability r = new Reachability(space, entries.isEmpty());
        if (!r.whole) {
            r.libraryProviders.putAll(library);
            entries.stream().sorted().forEach(e -> r.ownPackages.add(packageOf(e)));
            entries.stream().sorted().forEach(r::enter);
            r.run();
        }
        return r;
    }

    /** Whether the jar had no entry point and so was analysed whole. */
    boolean isWhole() {
        return whole;
    }

    /** Whether a method of a plugin class can run. */
    boolean reaches(String owner, String nameAndDescriptor) {
        if (whole) {
            return true;
        }
        Map<String, String> methods = parents.get(owner);
        return methods != null && methods.containsKey(nameAndDescriptor);
    }

    /** Whether a plugin class is loaded by reachable code (so its header must link). */
    boolean loads(String owner) {
        return whole || loaded.contains(owner);
    }

    /** How many methods are reachable; the whole jar's when it was analysed whole. */
    int reachableMethods() {
        return whole ? space.pluginClasses().values().stream().mapToInt(c -> c.methods().size()).sum()
                : parents.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Whether a class is the plugin's own code, as opposed to a library it bundles: it lies in the package of an
     * entry point or below it.
     */
    boolean isOwn(String internalName) {
        if (whole) {
            return true;
        }
        String pkg = packageOf(internalName);
        for (String own : ownPackages) {
            if (pkg.equals(own) || pkg.startsWith(own) && pkg.length() > own.length()
                    && pkg.charAt(own.length()) == '/') {
                return true;
            }
        }
        return false;
    }

    /**
     * The calls from an entry point to a reachable method, shortest first found, as readable sites:
     * {@code [com.acme.Fat.apply(String), ObjectMapper.writeValueAsString(Object)]}. Empty when analysed whole.
     */
    List<String> pathTo(String owner, String nameAndDescriptor) {
        List<String> path = new ArrayList<>();
        if (whole) {
            return path;
        }
        String key = owner + "." + nameAndDescriptor;
        Set<String> seen = new HashSet<>();
        while (key != null && !key.equals(ROOT) && seen.add(key)) {
            int dot = key.indexOf('(');
            int split = key.lastIndexOf('.', dot);
            String caller = key.substring(0, split);
            String method = key.substring(split + 1);
            path.add(0, Names.site(caller, method));
            key = parents.getOrDefault(caller, Map.of()).get(method);
        }
        return path;
    }

    /**
     * {@code ; reached from A → B} for a method more than one call away from an entry point, the middle of a long
     * path elided ({@code A → B → … 6 more → X → Y}); empty for an entry point itself or a jar analysed whole.
     */
    String reachedFrom(String owner, String nameAndDescriptor) {
        List<String> steps = pathTo(owner, nameAndDescriptor);
        if (steps.size() < 2) {
            return "";
        }
        List<String> before = steps.subList(0, steps.size() - 1);
        if (before.size() > 6) {
            List<String> shown = new ArrayList<>(before.subList(0, 2));
            shown.add("… " + (before.size() - 5) + " more");
            shown.addAll(before.subList(before.size() - 3, before.size()));
            before = shown;
        }
        return "; reached from " + String.join(" → ", before);
    }

    private void enter(String provider) {
        instantiate(provider, ROOT);
        ClassModel c = space.pluginClasses().get(provider);
        if (c.method("<init>", "()V").isPresent()) {
            reach(provider, "<init>()V", ROOT);
        }
        c.methods().values().stream().filter(m -> m.name().equals("provider") && m.is(ClassModel.STATIC))
                .forEach(m -> reach(provider, m.name() + m.descriptor(), ROOT));
    }

    private void run() {
        while (!queue.isEmpty()) {
            String[] next = queue.remove();
            process(next[0], next[1]);
        }
    }

    private void process(String owner, String method) {
        ClassModel c = space.pluginClasses().get(owner);
        String from = owner + "." + method;
        initialize(owner, from);
        for (ClassModel.Ref ref : c.codeOf(method)) {
            switch (ref.kind()) {
                case CLASS -> {
                    String element = Linker.elementClass(ref.owner());
                    if (element != null) {
                        load(element);
                        if (ref.opcode() == ClassModel.Ref.CONSTANT) {
                            libraryProviders.getOrDefault(element, List.of()).forEach(p -> instantiate(p, from));
                        }
                    }
                }
                case NEW -> instantiate(ref.owner(), from);
                case FIELD_GET, FIELD_PUT -> {
                    load(ref.owner());
                    if (ref.isStatic()) {
                        initialize(ref.owner(), from);
                    }
                }
                default -> call(ref, from); // METHOD
            }
        }
    }

    private void call(ClassModel.Ref ref, String from) {
        if (ref.owner().startsWith("[")) {
            return;
        }
        load(ref.owner());
        ClassModel.Member target = linker.target(ref);
        switch (ref.opcode()) {
            case 0xb8 -> { // invokestatic
                if (target != null) {
                    initialize(target.owner(), from);
                    reachPlugin(target, from);
                }
            }
            case 0xb7 -> reachPlugin(target, from); // invokespecial: constructors, private and super calls
            default -> {
                reachPlugin(target, from);
                String sig = ref.name() + ref.descriptor();
                if (invokedOn.computeIfAbsent(ref.owner(), k -> new HashSet<>()).add(sig)) {
                    for (String c : List.copyOf(instancesOf.getOrDefault(ref.owner(), List.of()))) {
                        dispatch(c, sig, from);
                    }
                }
            }
        }
    }

    private void instantiate(String owner, String from) {
        if (!space.pluginClasses().containsKey(owner) || !instantiated.add(owner)) {
            return;
        }
        initialize(owner, from);
        HostClasses.Found self = space.find(owner);
        Linker.Walk walk = new Linker.Walk();
        List<HostClasses.Found> supertypes = new ArrayList<>();
        for (HostClasses.Found k = self; k != null; k = linker.superclass(k, walk)) {
            supertypes.add(k);
        }
        supertypes.addAll(linker.superinterfaces(self, walk));
        for (HostClasses.Found s : supertypes) {
            String name = s.model().name();
            instancesOf.computeIfAbsent(name, k -> new ArrayList<>()).add(owner);
            for (String sig : List.copyOf(invokedOn.getOrDefault(name, Set.of()))) {
                dispatch(owner, sig, from);
            }
            if (s.origin() != HostClasses.Origin.PLUGIN) { // the JDK, the host or a dependency may call its overrides
                for (ClassModel.Member m : s.model().methods().values()) {
                    if (!m.is(ClassModel.STATIC) && !m.is(ClassModel.PRIVATE) && !m.name().startsWith("<")) {
                        dispatch(owner, m.name() + m.descriptor(), from);
                    }
                }
            }
        }
    }

    /** Reaches the method a virtual call with this signature runs on an instance of {@code owner}. */
    private void dispatch(String owner, String sig, String from) {
        if (!dispatched.add(owner + "." + sig)) {
            return;
        }
        int paren = sig.indexOf('(');
        String name = sig.substring(0, paren);
        String descriptor = sig.substring(paren);
        HostClasses.Found self = space.find(owner);
        Linker.Walk walk = new Linker.Walk();
        for (HostClasses.Found k = self; k != null && k.origin() == HostClasses.Origin.PLUGIN;
             k = linker.superclass(k, walk)) {
            ClassModel.Member m = k.model().method(name, descriptor).orElse(null);
            if (m != null && !m.is(ClassModel.STATIC)) {
                reachPlugin(m, from);
                return;
            }
        }
        List<HostClasses.Found> all = interfaces.computeIfAbsent(owner,
                o -> linker.superinterfaces(self, new Linker.Walk()).stream()
                        .filter(i -> i.origin() == HostClasses.Origin.PLUGIN).toList());
        for (HostClasses.Found i : all) {
            ClassModel.Member m = i.model().method(name, descriptor).orElse(null);
            if (m != null && !m.is(ClassModel.ABSTRACT) && !m.is(ClassModel.STATIC)) {
                reachPlugin(m, from);
                return;
            }
        }
    }

    private void reachPlugin(ClassModel.Member m, String from) {
        if (m != null && !m.is(ClassModel.ABSTRACT) && !m.is(ClassModel.NATIVE)
                && space.pluginClasses().containsKey(m.owner())) {
            reach(m.owner(), m.name() + m.descriptor(), from);
        }
    }

    private void reach(String owner, String method, String from) {
        if (parents.computeIfAbsent(owner, o -> new HashMap<>()).putIfAbsent(method, from) == null) {
            queue.add(new String[] {owner, method});
        }
    }

    /** Class initialization: the class, its static initializer and its superclasses'. */
    private void initialize(String owner, String from) {
        ClassModel c = space.pluginClasses().get(owner);
        if (c == null || !initialized.add(owner)) {
            return;
        }
        load(owner);
        if (c.method("<clinit>", "()V").isPresent()) {
            reach(owner, CLINIT, from);
        }
        if (c.superName() != null) {
            initialize(c.superName(), from);
        }
    }

    /** Class loading: the class and, transitively, its supertypes. */
    private void load(String owner) {
        ClassModel c = space.pluginClasses().get(owner);
        if (c == null || !loaded.add(owner)) {
            return;
        }
        if (c.superName() != null) {
            load(c.superName());
        }
        c.interfaces().forEach(this::load);
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }
}
