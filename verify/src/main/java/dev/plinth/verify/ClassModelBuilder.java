package dev.plinth.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the parts of a {@link ClassModel} in class-file order, whichever reader found them, and builds the model:
 * both readers of {@link ClassParser} give the same model for the same bytes because they fill it alike.
 */
final class ClassModelBuilder {
    final Map<String, ClassModel.Member> fields = new LinkedHashMap<>();
    final Map<String, ClassModel.Member> methods = new LinkedHashMap<>();
    final List<ClassModel.Ref> refs = new ArrayList<>();
    final Map<String, int[]> codeRanges = new HashMap<>();
    final List<ClassModel.NativeLoad> nativeLoads = new ArrayList<>();
    final List<String> annotations = new ArrayList<>();
    private String name;
    private int access;
    private int innerAccess = -1;
    private boolean member;
    private String superName;
    private List<String> interfaces = List.of();
    private String nestHost;
    int ordinal;

    /** The class header; its superclass and superinterfaces are the first references. */
    void header(int acc, String className, String superClass, String[] superInterfaces) {
        this.name = className;
        this.access = acc;
        this.superName = superClass;
        this.interfaces = superInterfaces == null ? List.of() : List.of(superInterfaces);
        if (superClass != null) {
            refs.add(new ClassModel.Ref(ClassModel.Kind.CLASS, superClass, null, null, ClassModel.Ref.HEADER,
                    false, null, false));
        }
        for (String i : this.interfaces) {
            refs.add(new ClassModel.Ref(ClassModel.Kind.CLASS, i, null, null, ClassModel.Ref.HEADER, true,
                    null, false));
        }
    }

    String name() {
        return name;
    }

    void nestHost(String host) {
        nestHost = host;
    }

    /** One entry of the {@code InnerClasses} attribute; only the class's own entry matters. */
    void innerClass(String inner, String outerName, String innerName, int acc) {
        if (inner.equals(name)) {
            innerAccess = acc;
            member = outerName != null && innerName != null;
        }
    }

    void field(int acc, String fieldName, String descriptor) {
        DescriptorSyntax.requireField(descriptor);
        fields.put(fieldName + ":" + descriptor, new ClassModel.Member(name, fieldName, descriptor, acc));
    }

    /** Adds a method; returns its key, {@code name+descriptor}. */
    String method(int acc, String methodName, String descriptor) {
        DescriptorSyntax.requireMethod(descriptor);
        String key = methodName + descriptor;
        methods.put(key, new ClassModel.Member(name, methodName, descriptor, acc));
        return key;
    }

    ClassModel model() {
        Map<String, Map<String, ClassModel.Member>> byName = new HashMap<>((fields.size() + methods.size()) * 2);
        boolean overloads = false;
        for (Map<String, ClassModel.Member> members : List.of(fields, methods)) {
            for (ClassModel.Member m : members.values()) {
                Map<String, ClassModel.Member> named = byName.putIfAbsent(m.name(), Map.of(m.descriptor(), m));
                if (named != null) { // overloaded: gathered in a HashMap, copied into an immutable map below
                    Map<String, ClassModel.Member> all = named instanceof HashMap ? named : new HashMap<>(named);
                    all.put(m.descriptor(), m);
                    byName.put(m.name(), all);
                    overloads = true;
                }
            }
        }
        if (overloads) {
            byName.replaceAll((k, v) -> v instanceof HashMap ? Map.copyOf(v) : v);
        }
        List<ClassModel.Ref> allRefs = List.copyOf(refs);
        Map<String, List<ClassModel.Ref>> code = new HashMap<>(codeRanges.size() * 2);
        codeRanges.forEach((m, range) -> code.put(m, allRefs.subList(range[0], range[1])));
        // byName and code are only looked up, never iterated: wrapped rather than copied into new tables
        return new ClassModel(name, access, innerAccess, member, superName, interfaces,
                nestHost == null ? name : nestHost, List.copyOf(annotations), Map.copyOf(fields),
                Map.copyOf(methods), allRefs, Collections.unmodifiableMap(byName),
                Collections.unmodifiableMap(code), List.copyOf(nativeLoads), ordinal);
    }
}
