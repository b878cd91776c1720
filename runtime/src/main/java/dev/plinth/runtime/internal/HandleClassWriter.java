package dev.plinth.runtime.internal;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Writes the bytecode of a handle class; see {@link HandleFactory}. */
final class HandleClassWriter {
    private static final String BASE = Type.getInternalName(HandleBase.class);
    private static final String SLOT = Type.getInternalName(ExtensionSlot.class);
    private static final String TARGET = Type.getInternalName(CallTarget.class);
    private static final String THREAD = "java/lang/Thread";
    private static final String SET_TCCL = "setContextClassLoader";
    private static final String LOADER_DESC = "(Ljava/lang/ClassLoader;)V";
    private static final String GET_TCCL = "getContextClassLoader";
    private static final String GET_DESC = "()Ljava/lang/ClassLoader;";

    private HandleClassWriter() {
    }

    static byte[] write(String binaryName, Class<?> iface, Method[] methods) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object"; // only Throwable and Object locals merge; never load classes here
            }
        };
        String self = binaryName.replace('.', '/');
        String ifaceName = Type.getInternalName(iface);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                self, null, BASE, new String[] {ifaceName});
        writeConstructor(cw);
        writeObjectMethod(cw, "toString", "()Ljava/lang/String;", "plinthToString");
        writeObjectMethod(cw, "hashCode", "()I", "plinthHashCode");
        writeObjectMethod(cw, "equals", "(Ljava/lang/Object;)Z", "plinthEquals");
        Set<String> written = new HashSet<>();
        for (Method m : methods) {
            String desc = Type.getMethodDescriptor(m);
            if (written.add(m.getName() + desc)) {
                writeDelegate(cw, ifaceName, m, desc);
            }
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void writeConstructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(L" + SLOT + ";)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, BASE, "<init>", "(L" + SLOT + ";)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@code return plinthName(args);}: the work is in {@link HandleBase}; this frame, of the generated class, marks
     * the call into the plugin for the drain, as the frames of the interface's methods do.
     */
    private static void writeObjectMethod(ClassWriter cw, String name, String desc, String baseMethod) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, name, desc, null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        Type[] args = Type.getArgumentTypes(desc);
        for (int i = 0; i < args.length; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, i + 1);
        }
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BASE, baseMethod, desc, false);
        mv.visitInsn(Type.getReturnType(desc).getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@code if (direct != null) return direct.m(args);} (a generation proven not to need the context class loader),
     * else {@code target = slot.enter(); loader = target.loader;} then, without a loader,
     * {@code return target.m(args);} and otherwise {@code previous = TCCL; if (previous != loader) TCCL = loader; try { return target.m(args); }
     * finally { if (TCCL != previous) TCCL = previous; }}: a thread whose context class loader already is the
     * plugin's pays no store, and the caller's context class loader is what it was after the call in every case.
     */
    private static void writeDelegate(ClassWriter cw, String ifaceName, Method m, String desc) {
        String[] exceptions = java.util.Arrays.stream(m.getExceptionTypes()).map(Type::getInternalName)
                .toArray(String[]::new);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, m.getName(), desc, null, exceptions);
        mv.visitCode();
        Type ret = Type.getReturnType(desc);
        int next = 1;
        for (Type a : Type.getArgumentTypes(desc)) {
            next += a.getSize();
        }
        int target = next;
        int thread = next + 1;
        int previous = next + 2;
        int result = next + 3;
        int thrown = result + 2;
        int loader = thrown + 1;
        int held = loader + 1;
        Label slow = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, BASE, "direct", "Ljava/lang/Object;");
        mv.visitVarInsn(Opcodes.ASTORE, held);
        mv.visitVarInsn(Opcodes.ALOAD, held);
        mv.visitJumpInsn(Opcodes.IFNULL, slow);
        mv.visitVarInsn(Opcodes.ALOAD, held);
        invoke(mv, ifaceName, m, desc);
        mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        mv.visitLabel(slow);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, BASE, "slot", "L" + SLOT + ";");
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SLOT, "enter", "()L" + TARGET + ";", false);
        mv.visitVarInsn(Opcodes.ASTORE, target);
        mv.visitVarInsn(Opcodes.ALOAD, target);
        mv.visitFieldInsn(Opcodes.GETFIELD, TARGET, "loader", "Ljava/lang/ClassLoader;");
        mv.visitVarInsn(Opcodes.ASTORE, loader);
        Label direct = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, loader);
        mv.visitJumpInsn(Opcodes.IFNULL, direct);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, THREAD, "currentThread", "()Ljava/lang/Thread;", false);
        mv.visitVarInsn(Opcodes.ASTORE, thread);
        mv.visitVarInsn(Opcodes.ALOAD, thread);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, THREAD, GET_TCCL, GET_DESC, false);
        mv.visitVarInsn(Opcodes.ASTORE, previous);
        Label start = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, previous);
        mv.visitVarInsn(Opcodes.ALOAD, loader);
        mv.visitJumpInsn(Opcodes.IF_ACMPEQ, start);
        mv.visitVarInsn(Opcodes.ALOAD, thread);
        mv.visitVarInsn(Opcodes.ALOAD, loader);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, THREAD, SET_TCCL, LOADER_DESC, false);
        Label end = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(start, end, handler, null);
        mv.visitLabel(start);
        instanceOf(mv, target);
        invoke(mv, ifaceName, m, desc);
        if (ret.getSort() != Type.VOID) {
            mv.visitVarInsn(ret.getOpcode(Opcodes.ISTORE), result);
        }
        mv.visitLabel(end);
        restore(mv, thread, previous);
        if (ret.getSort() != Type.VOID) {
            mv.visitVarInsn(ret.getOpcode(Opcodes.ILOAD), result);
        }
        mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        mv.visitLabel(handler);
        mv.visitVarInsn(Opcodes.ASTORE, thrown);
        restore(mv, thread, previous);
        mv.visitVarInsn(Opcodes.ALOAD, thrown);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitLabel(direct);
        instanceOf(mv, target);
        invoke(mv, ifaceName, m, desc);
        mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code target.instance} on the stack. */
    private static void instanceOf(MethodVisitor mv, int target) {
        mv.visitVarInsn(Opcodes.ALOAD, target);
        mv.visitFieldInsn(Opcodes.GETFIELD, TARGET, "instance", "Ljava/lang/Object;");
    }

    /** {@code ((Iface) instance).m(args)} for the instance on the stack, its result on the stack. */
    private static void invoke(MethodVisitor mv, String ifaceName, Method m, String desc) {
        mv.visitTypeInsn(Opcodes.CHECKCAST, ifaceName);
        int slot = 1;
        for (Type a : Type.getArgumentTypes(desc)) {
            mv.visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
            slot += a.getSize();
        }
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, ifaceName, m.getName(), desc, true);
    }

    /** {@code if (thread.getContextClassLoader() != previous) thread.setContextClassLoader(previous);}. */
    private static void restore(MethodVisitor mv, int thread, int previous) {
        Label done = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, thread);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, THREAD, GET_TCCL, GET_DESC, false);
        mv.visitVarInsn(Opcodes.ALOAD, previous);
        mv.visitJumpInsn(Opcodes.IF_ACMPEQ, done);
        mv.visitVarInsn(Opcodes.ALOAD, thread);
        mv.visitVarInsn(Opcodes.ALOAD, previous);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, THREAD, SET_TCCL, LOADER_DESC, false);
        mv.visitLabel(done);
    }
}
