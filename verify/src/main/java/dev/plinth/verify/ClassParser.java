package dev.plinth.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Turns class-file bytes into a {@link ClassModel}; the only place that knows ASM, so the checks can move to the
 * JDK's ClassFile API by replacing this class alone.
 *
 * <h2>Errors</h2>
 * Malformed or too-new class files throw {@link IllegalArgumentException} with the reason.
 */
final class ClassParser {
    /** Catch types under which a failed link is expected and handled: the reference is then only a warning. */
    private static final Set<String> LINKAGE_CATCHES = Set.of("java/lang/Throwable", "java/lang/Error",
            "java/lang/LinkageError", "java/lang/NoClassDefFoundError", "java/lang/NoSuchMethodError",
            "java/lang/NoSuchFieldError", "java/lang/IncompatibleClassChangeError", "java/lang/AbstractMethodError",
            "java/lang/IllegalAccessError");

    private ClassParser() {
    }

    /** The header and members only: enough to resolve references against (used for host classes). */
    static ClassModel header(byte[] bytes) {
        return parse(bytes, false);
    }

    /** Header, members and every symbolic reference the code makes (used for plugin classes). */
    static ClassModel full(byte[] bytes) {
        return parse(bytes, true);
    }

    private static ClassModel parse(byte[] bytes, boolean code) {
        try {
            Collector collector = new Collector(code);
            new ClassReader(bytes).accept(collector, code ? ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES
                    : ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return collector.model();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private static final class Collector extends ClassVisitor {
        private final boolean code;
        private final Map<String, ClassModel.Member> fields = new LinkedHashMap<>();
        private final Map<String, ClassModel.Member> methods = new LinkedHashMap<>();
        private final List<ClassModel.Ref> refs = new ArrayList<>();
        private final List<String> annotations = new ArrayList<>();
        private String name;
        private int access;
        private int innerAccess = -1;
        private boolean member;
        private String superName;
        private List<String> interfaces = List.of();
        private String nestHost;

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
            byName.replaceAll((k, v) -> Map.copyOf(v));
            return new ClassModel(name, access, innerAccess, member, superName, interfaces,
                    nestHost == null ? name : nestHost, List.copyOf(annotations), Map.copyOf(fields),
                    Map.copyOf(methods), List.copyOf(refs), Map.copyOf(byName));
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
            return null;
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
            methods.put(methodName + descriptor, new ClassModel.Member(name, methodName, descriptor, acc));
            return code ? new CodeCollector(methodName + descriptor, refs) : null;
        }
    }

    /** Records the references of one method's code and which of them a linkage-error handler guards. */
    private static final class CodeCollector extends MethodVisitor {
        private final String method;
        private final List<ClassModel.Ref> out;
        private final List<ClassModel.Ref> refs = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();
        private final Map<Label, Integer> labels = new java.util.HashMap<>();
        private final List<Label[]> guards = new ArrayList<>();
        private int index;

        CodeCollector(String method, List<ClassModel.Ref> out) {
            super(Opcodes.ASM9);
            this.method = method;
            this.out = out;
        }

        private void add(ClassModel.Kind kind, String owner, String memberName, String descriptor, int opcode,
                         boolean itf) {
            if (kind == ClassModel.Kind.METHOD) {
                DescriptorSyntax.requireMethod(descriptor);
            } else if (kind == ClassModel.Kind.FIELD_GET || kind == ClassModel.Kind.FIELD_PUT) {
                DescriptorSyntax.requireField(descriptor);
            }
            refs.add(new ClassModel.Ref(kind, owner, memberName, descriptor, opcode, itf, method, false));
            positions.add(index);
        }

        @Override
        public void visitLabel(Label label) {
            labels.put(label, index);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                add(ClassModel.Kind.CLASS, type, null, null, ClassModel.Ref.CONSTANT, false);
                if (LINKAGE_CATCHES.contains(type)) {
                    guards.add(new Label[] {start, end});
                }
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            add(opcode == Opcodes.NEW ? ClassModel.Kind.NEW : ClassModel.Kind.CLASS, type, null, null, opcode, false);
            index++;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String fieldName, String descriptor) {
            boolean get = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
            add(get ? ClassModel.Kind.FIELD_GET : ClassModel.Kind.FIELD_PUT, owner, fieldName, descriptor, opcode,
                    false);
            index++;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String methodName, String descriptor, boolean itf) {
            add(ClassModel.Kind.METHOD, owner, methodName, descriptor, opcode, itf);
            index++;
        }

        @Override
        public void visitInvokeDynamicInsn(String indyName, String descriptor, Handle bsm, Object... args) {
            handle(bsm);
            for (Object arg : args) {
                constant(arg);
            }
            index++;
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value);
            index++;
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            add(ClassModel.Kind.CLASS, descriptor, null, null, Opcodes.MULTIANEWARRAY, false);
            index++;
        }

        @Override
        public void visitInsn(int opcode) {
            index++;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            index++;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            index++;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            index++;
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            index++;
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
            index++;
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
            index++;
        }

        private void constant(Object value) {
            if (value instanceof Type type && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
                add(ClassModel.Kind.CLASS, type.getInternalName(), null, null, ClassModel.Ref.CONSTANT, false);
            } else if (value instanceof Handle handle) {
                handle(handle);
            } else if (value instanceof ConstantDynamic condy) {
                handle(condy.getBootstrapMethod());
                for (int i = 0; i < condy.getBootstrapMethodArgumentCount(); i++) {
                    constant(condy.getBootstrapMethodArgument(i));
                }
            }
        }

        private void handle(Handle h) {
            switch (h.getTag()) {
                case Opcodes.H_GETFIELD -> add(ClassModel.Kind.FIELD_GET, h.getOwner(), h.getName(), h.getDesc(),
                        Opcodes.GETFIELD, false);
                case Opcodes.H_GETSTATIC -> add(ClassModel.Kind.FIELD_GET, h.getOwner(), h.getName(), h.getDesc(),
                        Opcodes.GETSTATIC, false);
                case Opcodes.H_PUTFIELD -> add(ClassModel.Kind.FIELD_PUT, h.getOwner(), h.getName(), h.getDesc(),
                        Opcodes.PUTFIELD, false);
                case Opcodes.H_PUTSTATIC -> add(ClassModel.Kind.FIELD_PUT, h.getOwner(), h.getName(), h.getDesc(),
                        Opcodes.PUTSTATIC, false);
                case Opcodes.H_INVOKESTATIC -> add(ClassModel.Kind.METHOD, h.getOwner(), h.getName(), h.getDesc(),
                        Opcodes.INVOKESTATIC, h.isInterface());
                case Opcodes.H_INVOKESPECIAL, Opcodes.H_NEWINVOKESPECIAL -> add(ClassModel.Kind.METHOD,
                        h.getOwner(), h.getName(), h.getDesc(), Opcodes.INVOKESPECIAL, h.isInterface());
                case Opcodes.H_INVOKEINTERFACE -> add(ClassModel.Kind.METHOD, h.getOwner(), h.getName(),
                        h.getDesc(), Opcodes.INVOKEINTERFACE, true);
                default -> add(ClassModel.Kind.METHOD, h.getOwner(), h.getName(), h.getDesc(),
                        Opcodes.INVOKEVIRTUAL, h.isInterface());
            }
        }

        @Override
        public void visitEnd() {
            for (int i = 0; i < refs.size(); i++) {
                ClassModel.Ref r = refs.get(i);
                int at = positions.get(i);
                boolean guarded = guards.stream().anyMatch(g -> labels.getOrDefault(g[0], -1) <= at
                        && at < labels.getOrDefault(g[1], -1));
                out.add(guarded ? new ClassModel.Ref(r.kind(), r.owner(), r.name(), r.descriptor(), r.opcode(),
                        r.isInterface(), r.from(), true) : r);
            }
        }
    }
}
