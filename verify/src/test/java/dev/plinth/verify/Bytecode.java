package dev.plinth.verify;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Class files written with ASM for {@link ClassScannerTest}: instruction families a compiler seldom emits at will. */
final class Bytecode {
    private static final String BOOTSTRAP = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";
    private static final String CONSTANT = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/Class;[Ljava/lang/Object;)Ljava/lang/Object;";

    private Bytecode() {
    }

    /**
     * Switches at each of the four paddings, {@code wide} loads, stores and increments, and an
     * {@code invokedynamic} whose arguments are a class, method handles and a dynamic constant, then {@code ldc} of
     * a class, {@code multianewarray} and a native library load.
     */
    static byte[] everyFamily() {
        ClassWriter cw = start(Opcodes.V17, "com/acme/Families");
        for (int padding = 0; padding < 4; padding++) {
            switchMethod(cw, "tableSwitch" + padding, padding, true);
            switchMethod(cw, "lookupSwitch" + padding, padding, false);
        }
        MethodVisitor wide = cw.visitMethod(Opcodes.ACC_STATIC, "wide", "()V", null, null);
        wide.visitCode();
        wide.visitInsn(Opcodes.ICONST_0);
        wide.visitVarInsn(Opcodes.ISTORE, 300);
        wide.visitIincInsn(300, 1000);
        wide.visitVarInsn(Opcodes.ILOAD, 300);
        wide.visitInsn(Opcodes.POP);
        wide.visitFieldInsn(Opcodes.GETSTATIC, "com/acme/After", "y", "I");
        wide.visitInsn(Opcodes.POP);
        wide.visitInsn(Opcodes.RETURN);
        wide.visitMaxs(0, 0);
        MethodVisitor dynamic = cw.visitMethod(Opcodes.ACC_STATIC, "dynamic", "()V", null, null);
        dynamic.visitCode();
        Handle constant = new Handle(Opcodes.H_INVOKESTATIC, "com/acme/Bootstraps", "constant", CONSTANT, false);
        dynamic.visitInvokeDynamicInsn("make", "()Ljava/lang/Object;",
                new Handle(Opcodes.H_INVOKESTATIC, "com/acme/Bootstraps", "bootstrap", BOOTSTRAP, false),
                Type.getObjectType("com/acme/Arg"),
                new Handle(Opcodes.H_GETFIELD, "com/acme/Holder", "value", "I", false),
                new Handle(Opcodes.H_NEWINVOKESPECIAL, "com/acme/Made", "<init>", "()V", false),
                new ConstantDynamic("elements", "Ljava/lang/Object;", constant,
                        Type.getType("[Lcom/acme/Element;")));
        dynamic.visitInsn(Opcodes.POP);
        dynamic.visitLdcInsn(Type.getObjectType("com/acme/Loaded"));
        dynamic.visitInsn(Opcodes.POP);
        dynamic.visitLdcInsn(Type.getMethodType("()V"));
        dynamic.visitInsn(Opcodes.POP);
        dynamic.visitInsn(Opcodes.ICONST_1);
        dynamic.visitInsn(Opcodes.ICONST_1);
        dynamic.visitMultiANewArrayInsn("[[Lcom/acme/Grid;", 2);
        dynamic.visitInsn(Opcodes.POP);
        dynamic.visitLdcInsn("acme");
        dynamic.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "loadLibrary", "(Ljava/lang/String;)V",
                false);
        dynamic.visitInsn(Opcodes.RETURN);
        dynamic.visitMaxs(0, 0);
        return cw.toByteArray();
    }

    /** {@code padding} no-ops, a read of {@code Before}, the switch, then a read of {@code After}. */
    private static void switchMethod(ClassWriter cw, String name, int padding, boolean table) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, name, "()V", null, null);
        mv.visitCode();
        for (int i = 0; i < padding; i++) {
            mv.visitInsn(Opcodes.NOP);
        }
        mv.visitFieldInsn(Opcodes.GETSTATIC, "com/acme/Before", "x", "I");
        Label a = new Label();
        Label b = new Label();
        Label c = new Label();
        Label other = new Label();
        if (table) {
            mv.visitTableSwitchInsn(0, 2, other, a, b, c);
        } else {
            mv.visitLookupSwitchInsn(other, new int[] {1, 10, 100}, new Label[] {a, b, c});
        }
        for (Label l : new Label[] {a, b, c, other}) {
            mv.visitLabel(l);
        }
        mv.visitFieldInsn(Opcodes.GETSTATIC, "com/acme/After", "y", "I");
        mv.visitInsn(Opcodes.POP);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
    }

    /** A read of {@code Optional} guarded by a handler that returns, and one by a handler that rethrows. */
    static byte[] handlers() {
        ClassWriter cw = start(Opcodes.V17, "com/acme/Handlers");
        for (String name : new String[] {"swallows", "rethrows"}) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, name, "()V", null, null);
            mv.visitCode();
            Label from = new Label();
            Label to = new Label();
            Label handler = new Label();
            mv.visitTryCatchBlock(from, to, handler, "java/lang/NoClassDefFoundError");
            mv.visitLabel(from);
            mv.visitFieldInsn(Opcodes.GETSTATIC, "com/acme/Optional", "x", "I");
            mv.visitInsn(Opcodes.POP);
            mv.visitLabel(to);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitLabel(handler);
            mv.visitInsn(name.equals("swallows") ? Opcodes.POP : Opcodes.ATHROW);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
        }
        return cw.toByteArray();
    }

    /**
     * A Java 1.4 {@code finally} as a subroutine: {@code jsr} to it from the body and from a handler that then
     * returns, and a {@code wide ret} out of it.
     */
    static byte[] subroutine() {
        ClassWriter cw = start(Opcodes.V1_4, "com/acme/Old");
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "finallyByJsr", "()V", null, null);
        mv.visitCode();
        Label from = new Label();
        Label to = new Label();
        Label handler = new Label();
        Label cleanup = new Label();
        mv.visitTryCatchBlock(from, to, handler, "java/lang/Throwable");
        mv.visitLabel(from);
        mv.visitFieldInsn(Opcodes.GETSTATIC, "com/acme/Optional", "x", "I");
        mv.visitInsn(Opcodes.POP);
        mv.visitLabel(to);
        mv.visitJumpInsn(Opcodes.JSR, cleanup);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitLabel(handler);
        mv.visitInsn(Opcodes.POP);
        mv.visitJumpInsn(Opcodes.JSR, cleanup);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitLabel(cleanup);
        mv.visitVarInsn(Opcodes.ASTORE, 300);
        mv.visitFieldInsn(Opcodes.GETSTATIC, "com/acme/Cleanup", "y", "I");
        mv.visitInsn(Opcodes.POP);
        mv.visitVarInsn(Opcodes.RET, 300);
        mv.visitMaxs(0, 0);
        return cw.toByteArray();
    }

    /** A field whose descriptor {@code Q} names no type. */
    static byte[] badFieldDescriptor() {
        ClassWriter cw = start(Opcodes.V17, "com/acme/Bad");
        cw.visitField(Opcodes.ACC_PUBLIC, "f", "Q", null, null);
        return cw.toByteArray();
    }

    private static ClassWriter start(int version, String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        return cw;
    }
}
