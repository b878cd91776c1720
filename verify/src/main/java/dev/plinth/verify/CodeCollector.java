package dev.plinth.verify;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Records the references of one method's code, which of them a linkage-error handler guards, and the native
 * libraries it loads.
 *
 * <p>A reference is guarded when it lies in a {@code try} range whose handler catches a linkage error (or a
 * supertype of one) <em>and can complete normally</em>: some path from the handler reaches a {@code return}. A
 * handler on which every path ends in {@code athrow} rethrows (the synthetic catch-all of try-with-resources, a
 * {@code catch (Throwable t) { throw new X(t); }}), so the failure still reaches the caller: not a guard.
 */
final class CodeCollector extends MethodVisitor {
    /** Catch types under which a failed link is caught. */
    static final Set<String> LINKAGE_CATCHES = Set.of("java/lang/Throwable", "java/lang/Error",
            "java/lang/LinkageError", "java/lang/NoClassDefFoundError", "java/lang/NoSuchMethodError",
            "java/lang/NoSuchFieldError", "java/lang/IncompatibleClassChangeError", "java/lang/AbstractMethodError",
            "java/lang/IllegalAccessError");

    private final String method;
    private final List<ClassModel.Ref> out;
    private final Map<String, int[]> byMethod;
    private final List<ClassModel.NativeLoad> nativeLoads;
    private final List<ClassModel.Ref> refs = new ArrayList<>();
    private int[] positions = new int[16];
    private final Map<Label, Integer> labels = new HashMap<>();
    private final List<Label[]> handlers = new ArrayList<>();
    private final Map<Integer, Label[]> jumps = new HashMap<>();
    private int[] opcodes = new int[0];
    private int index;
    private String lastString;

    CodeCollector(String method, List<ClassModel.Ref> out, Map<String, int[]> byMethod,
                  List<ClassModel.NativeLoad> nativeLoads) {
        super(Opcodes.ASM9);
        this.method = method;
        this.out = out;
        this.byMethod = byMethod;
        this.nativeLoads = nativeLoads;
    }

    private void add(ClassModel.Kind kind, String owner, String memberName, String descriptor, int opcode,
                     boolean itf) {
        if (kind == ClassModel.Kind.METHOD) {
            DescriptorSyntax.requireMethod(descriptor);
        } else if (kind == ClassModel.Kind.FIELD_GET || kind == ClassModel.Kind.FIELD_PUT) {
            DescriptorSyntax.requireField(descriptor);
        }
        if (refs.size() == positions.length) {
            positions = java.util.Arrays.copyOf(positions, positions.length * 2);
        }
        positions[refs.size()] = index;
        refs.add(new ClassModel.Ref(kind, owner, memberName, descriptor, opcode, itf, method, false));
    }

    private void instruction(int opcode) {
        if (handlers.isEmpty()) { // no linkage handler (they are visited before the code): no control flow to keep
            index++;
            lastString = opcode == Opcodes.LDC ? lastString : null;
            return;
        }
        if (index >= opcodes.length) {
            opcodes = java.util.Arrays.copyOf(opcodes, Math.max(64, index * 2));
        }
        opcodes[index++] = opcode;
        if (opcode != Opcodes.LDC) {
            lastString = null;
        }
    }

    @Override
    public void visitLabel(Label label) {
        if (!handlers.isEmpty()) { // labels only serve the handlers' control flow, and handlers come first
            labels.put(label, index);
        }
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (type != null) {
            add(ClassModel.Kind.CLASS, type, null, null, ClassModel.Ref.CONSTANT, false);
            if (LINKAGE_CATCHES.contains(type)) {
                handlers.add(new Label[] {start, end, handler});
            }
        }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        add(opcode == Opcodes.NEW ? ClassModel.Kind.NEW : ClassModel.Kind.CLASS, type, null, null, opcode, false);
        instruction(opcode);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String fieldName, String descriptor) {
        boolean get = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
        add(get ? ClassModel.Kind.FIELD_GET : ClassModel.Kind.FIELD_PUT, owner, fieldName, descriptor, opcode, false);
        instruction(opcode);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String methodName, String descriptor, boolean itf) {
        add(ClassModel.Kind.METHOD, owner, methodName, descriptor, opcode, itf);
        if (loadsNative(owner, methodName)) {
            nativeLoads.add(new ClassModel.NativeLoad(method, Names.method(owner, methodName, descriptor),
                    lastString));
        }
        instruction(opcode);
    }

    /** {@code System.load}, {@code System.loadLibrary} and their {@code Runtime} twins; no key built per call. */
    private static boolean loadsNative(String owner, String methodName) {
        return (methodName.equals("loadLibrary") || methodName.equals("load"))
                && (owner.equals("java/lang/System") || owner.equals("java/lang/Runtime"));
    }

    @Override
    public void visitInvokeDynamicInsn(String indyName, String descriptor, Handle bsm, Object... args) {
        handle(bsm);
        for (Object arg : args) {
            constant(arg);
        }
        instruction(Opcodes.INVOKEDYNAMIC);
    }

    @Override
    public void visitLdcInsn(Object value) {
        constant(value);
        instruction(Opcodes.LDC);
        lastString = value instanceof String s ? s : null;
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        add(ClassModel.Kind.CLASS, descriptor, null, null, Opcodes.MULTIANEWARRAY, false);
        instruction(Opcodes.MULTIANEWARRAY);
    }

    @Override
    public void visitInsn(int opcode) {
        instruction(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        instruction(opcode);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        instruction(opcode);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (!handlers.isEmpty()) {
            jumps.put(index, new Label[] {label});
        }
        instruction(opcode);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        instruction(Opcodes.IINC);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
        switchTo(Opcodes.TABLESWITCH, dflt, targets);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
        switchTo(Opcodes.LOOKUPSWITCH, dflt, targets);
    }

    private void switchTo(int opcode, Label dflt, Label[] targets) {
        if (handlers.isEmpty()) {
            instruction(opcode);
            return;
        }
        Label[] all = java.util.Arrays.copyOf(targets, targets.length + 1);
        all[targets.length] = dflt;
        jumps.put(index, all);
        instruction(opcode);
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
            case Opcodes.H_NEWINVOKESPECIAL -> {
                add(ClassModel.Kind.NEW, h.getOwner(), null, null, ClassModel.Ref.HANDLE, false);
                add(ClassModel.Kind.METHOD, h.getOwner(), h.getName(), h.getDesc(), Opcodes.INVOKESPECIAL, false);
            }
            case Opcodes.H_INVOKESPECIAL -> add(ClassModel.Kind.METHOD, h.getOwner(), h.getName(), h.getDesc(),
                    Opcodes.INVOKESPECIAL, h.isInterface());
            case Opcodes.H_INVOKEINTERFACE -> add(ClassModel.Kind.METHOD, h.getOwner(), h.getName(), h.getDesc(),
                    Opcodes.INVOKEINTERFACE, true);
            default -> add(ClassModel.Kind.METHOD, h.getOwner(), h.getName(), h.getDesc(), Opcodes.INVOKEVIRTUAL,
                    h.isInterface());
        }
    }

    @Override
    public void visitEnd() {
        List<int[]> guards = new ArrayList<>();
        for (Label[] h : handlers) {
            Integer handler = labels.get(h[2]);
            if (handler != null && completesNormally(handler)) {
                guards.add(new int[] {labels.getOrDefault(h[0], -1), labels.getOrDefault(h[1], -1)});
            }
        }
        int first = out.size();
        if (guards.isEmpty()) {
            out.addAll(refs);
            byMethod.put(method, new int[] {first, out.size()});
            return;
        }
        for (int i = 0; i < refs.size(); i++) {
            ClassModel.Ref r = refs.get(i);
            int at = positions[i];
            boolean guarded = false;
            for (int[] g : guards) {
                if (g[0] <= at && at < g[1]) {
                    guarded = true;
                    break;
                }
            }
            out.add(guarded ? new ClassModel.Ref(r.kind(), r.owner(), r.name(), r.descriptor(), r.opcode(),
                    r.isInterface(), r.from(), true) : r);
        }
        byMethod.put(method, new int[] {first, out.size()});
    }

    /**
     * Whether some path of normal control flow from the instruction at {@code start} reaches a {@code return}:
     * the handler there swallows what it caught. Exceptions thrown inside the handler are not followed.
     */
    private boolean completesNormally(int start) {
        BitSet seen = new BitSet(index);
        int[] stack = new int[index + 1];
        int top = 0;
        stack[top++] = start;
        while (top > 0) {
            int at = stack[--top];
            while (at < index && !seen.get(at)) {
                seen.set(at);
                int op = opcodes[at];
                if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                    return true;
                }
                if (op == Opcodes.ATHROW || op == Opcodes.RET) {
                    break;
                }
                Label[] targets = jumps.get(at);
                if (targets != null) {
                    for (Label target : targets) {
                        Integer to = labels.get(target);
                        if (to != null && !seen.get(to)) {
                            if (top == stack.length) {
                                stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                            }
                            stack[top++] = to;
                        }
                    }
                    if (op == Opcodes.GOTO || op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH) {
                        break;
                    }
                }
                at++;
            }
        }
        return false;
    }
}
