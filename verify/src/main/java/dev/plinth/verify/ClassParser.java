package dev.plinth.verify;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Turns class-file bytes into a {@link ClassModel}: {@link ClassScanner} reads them, and ASM reads what the scanner
 * leaves (malformed class files, and the few constructs it does not read), so that ASM's message reports what is
 * wrong. With {@link CodeCollector}, the only place that knows ASM: the checks see models only.
 *
 * <h2>Errors</h2>
 * Malformed or too-new class files throw {@link IllegalArgumentException} with the reason.
 */
final class ClassParser {
    static final String EXTENSION = "Ldev/plinth/api/Extension;";

    private ClassParser() {
    }

    /** The header and members only: enough to resolve references against (used for host classes). */
    static ClassModel header(byte[] bytes) {
        return parse(bytes, false, new SharedNames(1 << 8));
    }

    /** Header, members and every symbolic reference the code makes (used for plugin classes). */
    static ClassModel full(byte[] bytes) {
        return full(bytes, new SharedNames());
    }

    /**
     * {@link #full(byte[])}, with every name and descriptor taken from {@code names}: the classes of one jar then
     * share one instance per name, so the many lookups by name that follow compare references and reuse hash codes.
     */
    static ClassModel full(byte[] bytes, SharedNames names) {
        return parse(bytes, true, names);
    }

    /**
     * Reads with {@link ClassScanner}; a class file it leaves (malformed, or using what it does not read) is read
     * by ASM, whose message says what is wrong.
     */
    private static ClassModel parse(byte[] bytes, boolean code, SharedNames names) {
        try {
            return ClassScanner.scan(bytes, names, code);
        } catch (RuntimeException e) {
            // not a class file the scanner reads: ASM reads it, and reports what is wrong with it
        }
        return parseWithAsm(bytes, code);
    }

    /** The model as ASM's visit gives it; a malformed class file throws {@link IllegalArgumentException}. */
    static ClassModel parseWithAsm(byte[] bytes, boolean code) {
        try {
            Collector collector = new Collector(code);
            ClassReader reader = code ? new SharedStrings(bytes, new HashMap<>()) : new ClassReader(bytes);
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

    /** Fills a {@link ClassModelBuilder} from ASM's visit of the class. */
    private static final class Collector extends ClassVisitor {
        private final boolean code;
        private final ClassModelBuilder model = new ClassModelBuilder();

        Collector(boolean code) {
            super(Opcodes.ASM9);
            this.code = code;
        }

        ClassModel model() {
            return model.model();
        }

        @Override
        public void visit(int version, int acc, String className, String signature, String superClass,
                          String[] superInterfaces) {
            model.header(acc, className, superClass, superInterfaces);
        }

        @Override
        public void visitNestHost(String host) {
            model.nestHost(host);
        }

        @Override
        public void visitInnerClass(String inner, String outerName, String innerName, int acc) {
            model.innerClass(inner, outerName, innerName, acc);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            model.annotations.add(descriptor);
            if (!descriptor.equals(EXTENSION)) {
                return null;
            }
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String element, Object value) {
                    if ("ordinal".equals(element) && value instanceof Integer i) {
                        model.ordinal = i;
                    }
                }
            };
        }

        @Override
        public org.objectweb.asm.FieldVisitor visitField(int acc, String fieldName, String descriptor,
                                                         String signature, Object value) {
            model.field(acc, fieldName, descriptor);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int acc, String methodName, String descriptor, String signature,
                                         String[] exceptions) {
            String key = model.method(acc, methodName, descriptor);
            return code ? new CodeCollector(key, model.refs, model.codeRanges, model.nativeLoads) : null;
        }
    }
}
