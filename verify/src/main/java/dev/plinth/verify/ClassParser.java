package dev.plinth.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Turns class-file bytes into a {@link ClassModel}; the only place that knows ASM, so the checks can move to the
 * JDK's ClassFile API by replacing this class alone.
 *
 * <h2>Errors</h2>
 * Malformed or too-new class files throw {@link IllegalArgumentException} with the reason.
 */
final class ClassParser {
    private static final String EXTENSION = "Ldev/plinth/api/Extension;";

    private ClassParser() {
    }

    /** The header and members only: enough to resolve references against (used for host classes). */
    static ClassModel header(byte[] bytes) {
        return parse(bytes, false);
    }

    /** Header, members and every symbolic reference the code makes (used for plugin classes). */
    static ClassModel full(byte[] bytes) {
        return parse(bytes, true, new HashMap<>());
    }

    /**
     * {@link #full(byte[])}, with every name and descriptor taken from {@code strings} when an equal one is there
     * (and added when not): the classes of one jar then share one instance per name, so the many lookups by name
     * that follow compare references and reuse hash codes.
     */
    static ClassModel full(byte[] bytes, Map<String, String> strings) {
        return parse(bytes, true, strings);
    }

    private static ClassModel parse(byte[] bytes, boolean code) {
        return parse(bytes, code, null);
    }

    private static ClassModel parse(byte[] bytes, boolean code, Map<String, String> strings) {
        try {
            Collector collector = new Collector(code);
            ClassReader reader = strings == null ? new ClassReader(bytes) : new SharedStrings(bytes, strings);
            reader.accept(collector, code ? ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES
                    : ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return collector.model();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** Reads each constant-pool string once per class file and returns the shared instance of it. */
    private static final class SharedStrings extends ClassReader {
        private final Map<String, String> strings;
        private final String[] read;

        SharedStrings(byte[] bytes, Map<String, String> strings) {
            super(bytes);
            this.strings = strings;
            this.read = new String[getItemCount()];
        }

        @Override
        public String readUTF8(int offset, char[] charBuffer) {
            int index = read == null || offset == 0 ? 0 : readUnsignedShort(offset); // the constructor reads some
            if (index == 0 || index >= read.length) {
                return super.readUTF8(offset, charBuffer);
            }
            String known = read[index];
            if (known == null) {
                String s = super.readUTF8(offset, charBuffer);
                known = strings.putIfAbsent(s, s);
                known = known == null ? s : known;
                read[index] = known;
            }
            return known;
        }
    }

    private static final class Collector extends ClassVisitor {
        private final boolean code;
        private final Map<String, ClassModel.Member> fields = new LinkedHashMap<>();
        private final Map<String, ClassModel.Member> methods = new LinkedHashMap<>();
        private final List<ClassModel.Ref> refs = new ArrayList<>();
        private final Map<String, int[]> codeRanges = new HashMap<>();
        private final List<ClassModel.NativeLoad> nativeLoads = new ArrayList<>();
        private final List<String> annotations = new ArrayList<>();
        private String name;
        private int access;
        private int innerAccess = -1;
        private boolean member;
        private String superName;
        private List<String> interfaces = List.of();
        private String nestHost;
        private int ordinal;

        Collector(boolean code) {
            super(Opcodes.ASM9);
            this.code = code;
        }

        ClassModel model() {
            Map<String, Map<String, ClassModel.Member>> byName = new HashMap<>();
            for (Map<String, ClassModel.Member> members : List.of(fields, methods)) {
                members.values().forEach(m -> byName.computeIfAbsent(m.name(), k -> new HashMap<>())
                        .put(m.descriptor(), m));
            }
            byName.replaceAll((k, v) -> v.size() == 1 ? Map.of(v.keySet().iterator().next(),
                    v.values().iterator().next()) : Map.copyOf(v));
            List<ClassModel.Ref> allRefs = List.copyOf(refs);
            Map<String, List<ClassModel.Ref>> code = new HashMap<>(codeRanges.size() * 2);
            codeRanges.forEach((m, range) -> code.put(m, allRefs.subList(range[0], range[1])));
            // byName and code are only looked up, never iterated: wrapped rather than copied into new tables
            return new ClassModel(name, access, innerAccess, member, superName, interfaces,
                    nestHost == null ? name : nestHost, List.copyOf(annotations), Map.copyOf(fields),
                    Map.copyOf(methods), allRefs, Collections.unmodifiableMap(byName),
                    Collections.unmodifiableMap(code), List.copyOf(nativeLoads), ordinal);
        }

        @Override
        public void visit(int version, int acc, String className, String signature, String superClass,
                          String[] superInterfaces) {
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

        @Override
        public void visitNestHost(String host) {
            nestHost = host;
        }

        @Override
        public void visitInnerClass(String inner, String outerName, String innerName, int acc) {
            if (inner.equals(name)) {
                innerAccess = acc;
                member = outerName != null && innerName != null;
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            annotations.add(descriptor);
            if (!descriptor.equals(EXTENSION)) {
                return null;
            }
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String element, Object value) {
                    if ("ordinal".equals(element) && value instanceof Integer i) {
                        ordinal = i;
                    }
                }
            };
        }

        @Override
        public org.objectweb.asm.FieldVisitor visitField(int acc, String fieldName, String descriptor,
                                                         String signature, Object value) {
            DescriptorSyntax.requireField(descriptor);
            fields.put(fieldName + ":" + descriptor, new ClassModel.Member(name, fieldName, descriptor, acc));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int acc, String methodName, String descriptor, String signature,
                                         String[] exceptions) {
            DescriptorSyntax.requireMethod(descriptor);
            String key = methodName + descriptor;
            methods.put(key, new ClassModel.Member(name, methodName, descriptor, acc));
            return code ? new CodeCollector(key, refs, codeRanges, nativeLoads) : null;
        }
    }
}
