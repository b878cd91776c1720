package dev.plinth.verify;

/**
 * Reads a {@link ClassModel} straight from class-file bytes: the constant pool once, the header, the members, and
 * for plugin classes each method's code with {@link CodeScanner}. It gives the model ASM's visit through
 * {@link ClassParser} gives, at a fraction of the cost, because it decodes only the texts the model holds and
 * steps over every instruction that names nothing.
 *
 * <p>It reads well-formed class files only: wherever ASM would fail, or read something this scanner does not (a
 * version past Java 25, a {@code Record} or {@code Module} attribute, type annotations inside code), it throws
 * {@link Unsupported} and {@link ClassParser} reads the bytes with ASM instead, so malformed input gets ASM's
 * error message as before. Everything ASM would dereference is checked here, also what the model does not use.
 */
final class ClassScanner {
    /** The newest class-file version read here (Java 25); newer ones go to ASM, which knows its own limit. */
    static final int MAX_MAJOR = 69;
    static final Unsupported UNSUPPORTED = new Unsupported();
    private static final int DEPRECATED = 0x20000; // ASM's pseudo access flags, kept as ASM reports them

    private final ConstantPool pool;
    private final boolean code;
    private final ClassModelBuilder model = new ClassModelBuilder();
    private final AnnotationSteps steps;
    private int[] bootstraps;
    private int innerClasses;
    private CodeScanner codeScanner;

    private ClassScanner(ConstantPool pool, boolean code) {
        this.pool = pool;
        this.code = code;
        this.steps = new AnnotationSteps(pool);
    }

    /** Thrown where this scanner leaves the class file to ASM; carries no stack trace. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Unsupported() {
            super("left to ASM", null, false, false);
        }
    }

    /**
     * The model of a class file, with each method's references when {@code code} is set.
     *
     * @throws RuntimeException (often {@link Unsupported}) when ASM must read it
     */
    static ClassModel scan(byte[] bytes, SharedNames names, boolean code) {
        if (bytes.length < 10 || ((bytes[6] & 0xff) << 8 | bytes[7] & 0xff) > MAX_MAJOR) {
            throw UNSUPPORTED;
        }
        ClassScanner scanner = new ClassScanner(new ConstantPool(bytes, names), code);
        scanner.read();
        return scanner.model.model();
    }

    private void read() {
        int at = pool.end;
        int access = pool.u2(at);
        String name = pool.className(pool.u2(at + 2));
        String superName = pool.classNameOrNullAt(at + 4);
        String[] interfaces = new String[pool.u2(at + 6)];
        at += 8;
        for (int i = 0; i < interfaces.length; i++, at += 2) {
            interfaces[i] = pool.className(pool.u2(at));
        }
        int fields = at;
        at = skipMembers(at);
        int methods = at;
        at = skipMembers(at);
        access |= classAttributes(at);
        if (pool.bootstraps && bootstraps == null) {
            throw UNSUPPORTED; // ASM requires the attribute when the pool names bootstrap methods
        }
        model.header(access, name, superName, interfaces);
        annotationsAndInnerClasses(at);
        at = fields + 2;
        for (int n = pool.u2(fields); n > 0; n--) {
            at = field(at);
        }
        at = methods + 2;
        for (int n = pool.u2(methods); n > 0; n--) {
            at = method(at);
        }
    }

    private int skipMembers(int at) {
        int n = pool.u2(at);
        at += 2;
        for (; n > 0; n--) {
            at = skipAttributes(at + 6);
        }
        return at;
    }

    private int skipAttributes(int at) {
        int n = pool.u2(at);
        at += 2;
        for (; n > 0; n--) {
            at += 6 + length(at);
        }
        return at;
    }

    /** The length of the attribute at {@code at}, which must lie within the class file. */
    private int length(int at) {
        int length = pool.s4(at + 2);
        if (length < 0 || length > pool.bytes.length - at - 6) {
            throw UNSUPPORTED;
        }
        return length;
    }

    /** Reads the class attributes that need no model yet; returns the access flags they add. */
    private int classAttributes(int at) {
        int flags = 0;
        int n = pool.u2(at);
        at += 2;
        for (; n > 0; n--) {
            String attribute = pool.utf8(pool.u2(at));
            int length = length(at);
            int content = at + 6;
            switch (attribute) {
                case "SourceFile", "Signature" -> pool.requireUtf8OrNullAt(content);
                case "InnerClasses" -> innerClasses = content;
                case "EnclosingMethod" -> {
                    pool.classNameOrNullAt(content);
                    int method = pool.u2(content + 2);
                    if (method != 0) {
                        int nameAndType = pool.offset(method, ConstantPool.NAME_AND_TYPE);
                        pool.requireUtf8OrNullAt(nameAndType);
                        pool.requireUtf8OrNullAt(nameAndType + 2);
                    }
                }
                case "NestHost" -> model.nestHost(pool.classNameOrNullAt(content));
                case "NestMembers", "PermittedSubclasses" -> {
                    for (int i = 0, count = pool.u2(content); i < count; i++) {
                        pool.classNameOrNullAt(content + 2 + 2 * i);
                    }
                }
                case "Deprecated" -> flags |= DEPRECATED;
                case "Synthetic" -> flags |= ClassModel.SYNTHETIC;
                case "SourceDebugExtension" -> requireAscii(content, length);
                case "BootstrapMethods" -> bootstrapMethods(content);
                case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations", "RuntimeVisibleTypeAnnotations",
                     "RuntimeInvisibleTypeAnnotations" -> {
                    // read after the header, in ASM's order
                }
                default -> {
                    if (attribute.startsWith("Module") || attribute.equals("Record")) {
                        throw UNSUPPORTED;
                    }
                }
            }
            at = content + length;
        }
        return flags;
    }

    private void requireAscii(int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (pool.bytes[i] < 0) {
                throw UNSUPPORTED;
            }
        }
    }

    private void bootstrapMethods(int at) {
        if (!pool.bootstraps || bootstraps != null) {
            return; // ASM reads the first one, and only when the pool needs it
        }
        bootstraps = new int[pool.u2(at)];
        at += 2;
        for (int i = 0; i < bootstraps.length; i++) {
            bootstraps[i] = at;
            at += 4 + 2 * pool.u2(at + 2);
        }
    }

    /** Where bootstrap method {@code index} is: its method handle, argument count and arguments. */
    int bootstrap(int index) {
        if (bootstraps == null || index >= bootstraps.length) {
            throw UNSUPPORTED;
        }
        return bootstraps[index];
    }

    private void annotationsAndInnerClasses(int at) {
        int visible = 0;
        int invisible = 0;
        int n = pool.u2(at);
        at += 2;
        for (; n > 0; n--) {
            int length = pool.s4(at + 2);
            switch (pool.utf8(pool.u2(at))) {
                case "RuntimeVisibleAnnotations" -> visible = at + 6;
                case "RuntimeInvisibleAnnotations" -> invisible = at + 6;
                case "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations" ->
                        steps.typeAnnotations(at + 6);
                default -> {
                    // read before
                }
            }
            at += 6 + length;
        }
        for (int annotations : new int[] {visible, invisible}) {
            if (annotations != 0) {
                classAnnotations(annotations);
            }
        }
        if (innerClasses != 0) {
            for (int i = 0, count = pool.u2(innerClasses); i < count; i++) {
                int entry = innerClasses + 2 + 8 * i;
                model.innerClass(pool.className(pool.u2(entry)), pool.classNameOrNullAt(entry + 2),
                        pool.utf8OrNullAt(entry + 4), pool.u2(entry + 6));
            }
        }
    }

    private void classAnnotations(int at) {
        int n = pool.u2(at);
        at += 2;
        for (; n > 0; n--) {
            String descriptor = pool.utf8(pool.u2(at));
            model.annotations.add(descriptor);
            at = descriptor.equals(ClassParser.EXTENSION) ? extension(at + 2) : steps.elementValues(at + 2, true, 0);
        }
    }

    /** The elements of an {@code @Extension} annotation: constants only, of which {@code ordinal} is kept. */
    private int extension(int at) {
        int n = pool.u2(at);
        at += 2;
        for (; n > 0; n--, at += 5) {
            String element = pool.utf8(pool.u2(at));
            int index = pool.u2(at + 3);
            switch (pool.u1(at + 2)) {
                case 'I' -> {
                    int value = pool.s4(pool.offset(index, ConstantPool.INTEGER));
                    if (element.equals("ordinal")) {
                        model.ordinal = value;
                    }
                }
                case 'B', 'C', 'S', 'Z' -> pool.offset(index, ConstantPool.INTEGER);
                case 'D' -> pool.offset(index, ConstantPool.DOUBLE);
                case 'F' -> pool.offset(index, ConstantPool.FLOAT);
                case 'J' -> pool.offset(index, ConstantPool.LONG);
                case 's' -> pool.utf8(index);
                default -> throw UNSUPPORTED;
            }
        }
        return at;
    }

    private int field(int at) {
        int access = pool.u2(at);
        String name = pool.utf8(pool.u2(at + 2));
        String descriptor = pool.utf8(pool.u2(at + 4));
        int n = pool.u2(at + 6);
        at += 8;
        for (; n > 0; n--) {
            int length = length(at);
            int content = at + 6;
            switch (pool.utf8(pool.u2(at))) {
                case "ConstantValue" -> constantValue(pool.u2(content));
                case "Signature" -> pool.requireUtf8OrNullAt(content);
                case "Deprecated" -> access |= DEPRECATED;
                case "Synthetic" -> access |= ClassModel.SYNTHETIC;
                default -> {
                    // annotations are not read by ASM when nobody visits the field; others are copied
                }
            }
            at = content + length;
        }
        model.field(access, name, descriptor);
        return at;
    }

    private void constantValue(int index) {
        if (index == 0) {
            return;
        }
        int tag = pool.tag(index);
        if (tag == ConstantPool.STRING) {
            pool.utf8(pool.u2(pool.offset(index, tag)));
        } else if (tag < ConstantPool.INTEGER || tag > ConstantPool.DOUBLE) {
            throw UNSUPPORTED;
        }
    }

    private int method(int at) {
        int access = pool.u2(at);
        String name = pool.utf8(pool.u2(at + 2));
        String descriptor = pool.utf8(pool.u2(at + 4));
        int n = pool.u2(at + 6);
        int attributes = at + 6;
        int codeAt = 0;
        at += 8;
        for (; n > 0; n--) {
            int length = length(at);
            int content = at + 6;
            switch (pool.utf8(pool.u2(at))) {
                case "Code" -> codeAt = content;
                case "Exceptions" -> {
                    for (int i = 0, count = pool.u2(content); i < count; i++) {
                        pool.classNameOrNullAt(content + 2 + 2 * i);
                    }
                }
                case "Signature" -> pool.requireUtf8OrNullAt(content);
                case "Deprecated" -> access |= DEPRECATED;
                case "Synthetic" -> access |= ClassModel.SYNTHETIC;
                default -> {
                    // read below when the code is wanted, as ASM reads them only for a method it visits
                }
            }
            at = content + length;
        }
        String key = model.method(access, name, descriptor);
        if (code) {
            methodAnnotations(attributes);
            int first = model.refs.size();
            if (codeAt != 0) {
                if (codeScanner == null) {
                    codeScanner = new CodeScanner(pool, this, model);
                }
                codeScanner.scan(codeAt, key);
            }
            model.codeRanges.put(key, new int[] {first, model.refs.size()});
        }
        return at;
    }

    private void methodAnnotations(int at) {
        int n = pool.u2(at);
        at += 2;
        for (; n > 0; n--) {
            int content = at + 6;
            switch (pool.utf8(pool.u2(at))) {
                case "AnnotationDefault" -> steps.elementValue(content, 0);
                case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations" -> steps.annotations(content);
                case "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations" ->
                        steps.typeAnnotations(content);
                case "RuntimeVisibleParameterAnnotations", "RuntimeInvisibleParameterAnnotations" ->
                        steps.parameterAnnotations(content);
                default -> {
                    // nothing to check
                }
            }
            at = content + pool.s4(at + 2);
        }
    }
}
