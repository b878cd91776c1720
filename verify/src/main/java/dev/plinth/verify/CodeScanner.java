package dev.plinth.verify;

import java.util.Arrays;

/**
 * Reads the references of one method's {@code Code} attribute for {@link ClassScanner}, with the same results as
 * {@link CodeCollector} gets from ASM's visit: the caught types first, then in instruction order every class,
 * field and method an instruction or a constant it loads names, which of them a linkage-error handler guards, and
 * the native libraries loaded. Instructions that name nothing are stepped over by their length.
 *
 * <p>Instruction positions count instructions, as the visit does: a guard's range and a handler's paths are
 * measured in them.
 */
final class CodeScanner {
    private static final int[] LENGTHS = lengths();
    private static final int MAX_NESTING = 64;
    private static final int GOTO = 167;
    private static final int JSR = 168;
    private static final int RET = 169;
    private static final int TABLESWITCH = 170;
    private static final int LOOKUPSWITCH = 171;
    private static final int WIDE = 196;

    private final ConstantPool pool;
    private final ClassScanner scanner;
    private final ClassModelBuilder model;
    private String method;
    private int[] positions = new int[16];
    private int added;
    private int count;
    private CodeFlow flow; // only when a linkage handler needs the control flow

    CodeScanner(ConstantPool pool, ClassScanner scanner, ClassModelBuilder model) {
        this.pool = pool;
        this.scanner = scanner;
        this.model = model;
    }

    /** Adds the references of the {@code Code} attribute whose content starts at {@code at}. */
    void scan(int at, String methodKey) {
        method = methodKey;
        added = 0;
        count = 0;
        int codeLength = pool.s4(at + 4);
        int start = at + 8;
        if (codeLength < 0 || codeLength > pool.bytes.length - start) {
            throw ClassScanner.UNSUPPORTED;
        }
        int table = start + codeLength;
        int handlers = pool.u2(table);
        int[] linkageHandlers = null;
        int linkage = 0;
        for (int i = 0; i < handlers; i++) {
            int entry = table + 2 + 8 * i;
            for (int pc = 0; pc < 3; pc++) {
                target(pool.u2(entry + 2 * pc), codeLength);
            }
            String type = pool.classNameOrNullAt(entry + 6);
            if (type != null) {
                add(ClassModel.Kind.CLASS, type, null, null, ClassModel.Ref.CONSTANT, false);
                if (CodeCollector.LINKAGE_CATCHES.contains(type)) {
                    linkageHandlers = linkageHandlers == null ? new int[handlers] : linkageHandlers;
                    linkageHandlers[linkage++] = entry;
                }
            }
        }
        attributes(table + 2 + 8 * handlers);
        flow = linkageHandlers == null ? null : new CodeFlow(codeLength);
        if (instructions(start, codeLength) != codeLength) {
            throw ClassScanner.UNSUPPORTED; // the last instruction runs past the code: ASM reads on from there
        }
        int first = model.refs.size() - added;
        for (int i = 0; i < linkage; i++) {
            int entry = linkageHandlers[i];
            int handler = flow.indexAt(pool.u2(entry + 4));
            if (handler >= 0 && flow.completesNormally(handler)) {
                guard(first, flow.indexAt(pool.u2(entry)), flow.indexAt(pool.u2(entry + 2)));
            }
        }
    }

    /** Code attributes: ASM steps over all but type annotations, which it reads against the code's labels. */
    private void attributes(int at) {
        int n = pool.u2(at);
        at += 2;
        for (; n > 0; n--) {
            String name = pool.utf8(pool.u2(at));
            int length = pool.s4(at + 2);
            if (length < 0 || length > pool.bytes.length - at - 6 || name.endsWith("TypeAnnotations")) {
                throw ClassScanner.UNSUPPORTED;
            }
            at += 6 + length;
        }
    }

    private static int target(int pc, int codeLength) {
        if (pc < 0 || pc > codeLength) {
            throw ClassScanner.UNSUPPORTED;
        }
        return pc;
    }

    /** Reads the instructions; returns the code offset where the last one ends. */
    private int instructions(int start, int codeLength) {
        byte[] b = pool.bytes;
        int lastString = 0; // the text index of a string the last instruction loaded, decoded when needed
        int pc = 0;
        for (; pc < codeLength; count++) {
            int at = start + pc;
            int op = b[at] & 0xff;
            if (flow != null) {
                flow.instruction(pc, op);
            }
            int string = 0;
            switch (op) {
                case 18 -> string = constant(pool.u1(at + 1), 0);
                case 19, 20 -> string = constant(pool.u2(at + 1), 0);
                case 178, 179, 180, 181 -> field(op, pool.u2(at + 1));
                case 182, 183, 184, 185 -> invoke(op, pool.u2(at + 1), lastString);
                case 186 -> invokeDynamic(pool.u2(at + 1));
                case 187 -> add(ClassModel.Kind.NEW, pool.className(pool.u2(at + 1)), null, null, op, false);
                case 189, 192, 193, 197 -> add(ClassModel.Kind.CLASS, pool.className(pool.u2(at + 1)), null, null,
                        op, false);
                case 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, GOTO, JSR, 198, 199 ->
                        jump(pc + pool.s2(at + 1), codeLength);
                case 200, 201 -> jump(pc + pool.s4(at + 1), codeLength);
                case TABLESWITCH, LOOKUPSWITCH -> {
                    pc = switchTo(op, pc, start, codeLength);
                    lastString = 0;
                    continue;
                }
                case WIDE -> {
                    int wide = pool.u1(at + 1);
                    if (flow != null) {
                        flow.widened(wide);
                    }
                    if (wide == 132) {
                        pc += 6;
                    } else if (wide >= 21 && wide <= 25 || wide >= 54 && wide <= 58 || wide == RET) {
                        pc += 4;
                    } else {
                        throw ClassScanner.UNSUPPORTED;
                    }
                    lastString = 0;
                    continue;
                }
                default -> {
                    if (LENGTHS[op] == 0) {
                        throw ClassScanner.UNSUPPORTED; // not an opcode (ASM's own are left to ASM)
                    }
                }
            }
            pc += LENGTHS[op];
            lastString = string;
        }
        if (flow != null) {
            flow.end(codeLength);
        }
        return pc;
    }

    private void jump(int pc, int codeLength) {
        target(pc, codeLength);
        if (flow != null) {
            flow.jumps(1);
            flow.target(pc);
        }
    }

    /** Checks a switch's targets, keeps them when tracking; returns the pc after it. */
    private int switchTo(int op, int pc, int start, int codeLength) {
        int at = start + pc + 4 - (pc & 3);
        int dflt = target(pc + pool.s4(at), codeLength);
        int n;
        int step;
        if (op == TABLESWITCH) {
            n = pool.s4(at + 8) - pool.s4(at + 4) + 1;
            at += 12;
            step = 4;
        } else {
            n = pool.s4(at + 4);
            at += 12; // the first pair's target
            step = 8;
        }
        if (n < 0) {
            throw ClassScanner.UNSUPPORTED;
        }
        if (flow != null) {
            flow.jumps(n + 1);
        }
        for (int i = 0; i < n; i++, at += step) {
            int to = target(pc + pool.s4(at), codeLength);
            if (flow != null) {
                flow.target(to);
            }
        }
        if (flow != null) {
            flow.target(dflt);
        }
        return at - start - (op == TABLESWITCH ? 0 : 4);
    }

    private void field(int op, int index) {
        int ref = pool.offset(index, ConstantPool.FIELD);
        int nameAndType = pool.offset(pool.u2(ref + 2), ConstantPool.NAME_AND_TYPE);
        add(op == 178 || op == 180 ? ClassModel.Kind.FIELD_GET : ClassModel.Kind.FIELD_PUT,
                pool.className(pool.u2(ref)), pool.utf8(pool.u2(nameAndType)),
                pool.fieldDescriptor(pool.u2(nameAndType + 2)), op, false);
    }

    private void invoke(int op, int index, int lastString) {
        int tag = pool.tag(index);
        if (tag != ConstantPool.METHOD && tag != ConstantPool.INTERFACE_METHOD) {
            throw ClassScanner.UNSUPPORTED;
        }
        int ref = pool.offset(index, tag);
        int nameAndType = pool.offset(pool.u2(ref + 2), ConstantPool.NAME_AND_TYPE);
        String owner = pool.className(pool.u2(ref));
        String name = pool.utf8(pool.u2(nameAndType));
        String descriptor = pool.methodDescriptor(pool.u2(nameAndType + 2));
        add(ClassModel.Kind.METHOD, owner, name, descriptor, op, tag == ConstantPool.INTERFACE_METHOD);
        if ((name.equals("loadLibrary") || name.equals("load"))
                && (owner.equals("java/lang/System") || owner.equals("java/lang/Runtime"))) {
            model.nativeLoads.add(new ClassModel.NativeLoad(method, Names.method(owner, name, descriptor),
                    lastString == 0 ? null : pool.utf8(lastString)));
        }
    }

    private void invokeDynamic(int index) {
        int at = pool.offset(index, ConstantPool.INVOKE_DYNAMIC);
        int nameAndType = pool.offset(pool.u2(at + 2), ConstantPool.NAME_AND_TYPE);
        pool.requireUtf8OrNullAt(nameAndType);
        pool.requireUtf8OrNullAt(nameAndType + 2);
        bootstrap(pool.u2(at), 0);
    }

    /** The bootstrap method's handle, then each static argument. */
    private void bootstrap(int index, int depth) {
        int at = scanner.bootstrap(index);
        handle(pool.u2(at));
        for (int i = 0, n = pool.u2(at + 2); i < n; i++) {
            constant(pool.u2(at + 4 + 2 * i), depth + 1);
        }
    }

    /** The references a loadable constant makes; returns the index of its text when it is a string, else 0. */
    private int constant(int index, int depth) {
        if (depth > MAX_NESTING) {
            throw ClassScanner.UNSUPPORTED;
        }
        int tag = pool.tag(index);
        switch (tag) {
            case ConstantPool.CLASS -> {
                String name = pool.className(index);
                if (name.isEmpty()) {
                    throw ClassScanner.UNSUPPORTED;
                }
                add(ClassModel.Kind.CLASS, name, null, null, ClassModel.Ref.CONSTANT, false);
            }
            case ConstantPool.STRING -> {
                int at = pool.offset(index, tag);
                pool.requireUtf8OrNullAt(at);
                return pool.u2(at);
            }
            case ConstantPool.METHOD_TYPE -> pool.offset(pool.u2(pool.offset(index, tag)), ConstantPool.UTF8);
            case ConstantPool.METHOD_HANDLE -> handle(index);
            case ConstantPool.DYNAMIC -> {
                int at = pool.offset(index, tag);
                int nameAndType = pool.offset(pool.u2(at + 2), ConstantPool.NAME_AND_TYPE);
                pool.requireUtf8OrNullAt(nameAndType);
                pool.requireUtf8OrNullAt(nameAndType + 2);
                bootstrap(pool.u2(at), depth);
            }
            case ConstantPool.INTEGER, ConstantPool.FLOAT, ConstantPool.LONG, ConstantPool.DOUBLE -> {
                // numbers name nothing
            }
            default -> throw ClassScanner.UNSUPPORTED;
        }
        return 0;
    }

    /** A method handle constant, as {@link CodeCollector} records ASM's {@code Handle}. */
    private void handle(int index) {
        int at = pool.offset(index, ConstantPool.METHOD_HANDLE);
        int refIndex = pool.u2(at + 1);
        int tag = pool.tag(refIndex);
        if (tag != ConstantPool.FIELD && tag != ConstantPool.METHOD && tag != ConstantPool.INTERFACE_METHOD) {
            throw ClassScanner.UNSUPPORTED;
        }
        int ref = pool.offset(refIndex, tag);
        int nameAndType = pool.offset(pool.u2(ref + 2), ConstantPool.NAME_AND_TYPE);
        String owner = pool.className(pool.u2(ref));
        String name = pool.utf8(pool.u2(nameAndType));
        int descriptor = pool.u2(nameAndType + 2);
        boolean itf = tag == ConstantPool.INTERFACE_METHOD;
        switch (pool.u1(at)) {
            case 1 -> add(ClassModel.Kind.FIELD_GET, owner, name, pool.fieldDescriptor(descriptor), 180, false);
            case 2 -> add(ClassModel.Kind.FIELD_GET, owner, name, pool.fieldDescriptor(descriptor), 178, false);
            case 3 -> add(ClassModel.Kind.FIELD_PUT, owner, name, pool.fieldDescriptor(descriptor), 181, false);
            case 4 -> add(ClassModel.Kind.FIELD_PUT, owner, name, pool.fieldDescriptor(descriptor), 179, false);
            case 6 -> add(ClassModel.Kind.METHOD, owner, name, pool.methodDescriptor(descriptor), 184, itf);
            case 8 -> {
                add(ClassModel.Kind.NEW, owner, null, null, ClassModel.Ref.HANDLE, false);
                add(ClassModel.Kind.METHOD, owner, name, pool.methodDescriptor(descriptor), 183, false);
            }
            case 7 -> add(ClassModel.Kind.METHOD, owner, name, pool.methodDescriptor(descriptor), 183, itf);
            case 9 -> add(ClassModel.Kind.METHOD, owner, name, pool.methodDescriptor(descriptor), 185, true);
            default -> add(ClassModel.Kind.METHOD, owner, name, pool.methodDescriptor(descriptor), 182, itf);
        }
    }

    private void add(ClassModel.Kind kind, String owner, String name, String descriptor, int opcode, boolean itf) {
        if (added == positions.length) {
            positions = Arrays.copyOf(positions, added * 2);
        }
        positions[added++] = count;
        model.refs.add(new ClassModel.Ref(kind, owner, name, descriptor, opcode, itf, method, false));
    }

    /** Marks the references of this method from instruction {@code from} up to {@code to} as guarded. */
    private void guard(int first, int from, int to) {
        for (int i = 0; i < added; i++) {
            ClassModel.Ref r = model.refs.get(first + i);
            if (!r.guarded() && from <= positions[i] && positions[i] < to) {
                model.refs.set(first + i, new ClassModel.Ref(r.kind(), r.owner(), r.name(), r.descriptor(),
                        r.opcode(), r.isInterface(), r.from(), true));
            }
        }
    }

    private static int[] lengths() {
        int[] lengths = new int[256];
        Arrays.fill(lengths, 0, 202, 1);
        for (int op : new int[] {16, 18, 21, 22, 23, 24, 25, 54, 55, 56, 57, 58, RET, 188}) {
            lengths[op] = 2;
        }
        for (int op : new int[] {17, 19, 20, 132, 178, 179, 180, 181, 182, 183, 184, 187, 189, 192, 193, 198, 199}) {
            lengths[op] = 3;
        }
        for (int op = 153; op <= JSR; op++) {
            lengths[op] = 3;
        }
        lengths[197] = 4;
        lengths[185] = 5;
        lengths[186] = 5;
        lengths[200] = 5;
        lengths[201] = 5;
        lengths[TABLESWITCH] = 0;
        lengths[LOOKUPSWITCH] = 0;
        lengths[WIDE] = 0;
        return lengths;
    }
}
