package dev.plinth.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks need to know about one class file, independent of the library that parsed it: header, members,
 * and for plugin classes the symbolic references each method's code makes.
 *
 * @param name        internal name, e.g. {@code com/acme/Upper}
 * @param access      class-file access flags
 * @param innerAccess access flags from the class's own {@code InnerClasses} entry, or -1 if it is top-level
 * @param member      whether it is a member (named nested) class, as opposed to local or anonymous
 * @param superName   internal name of the superclass, null only for {@code java/lang/Object}
 * @param interfaces  internal names of the direct superinterfaces
 * @param nestHost    internal name of the nest host; the class itself when it has none
 * @param annotations descriptors of its class-retention and runtime annotations
 * @param fields      fields by {@code name:descriptor}
 * @param methods     methods by {@code name+descriptor}
 * @param refs        symbolic references made by the class header and by each method's code, in order
 * @param byName      the same fields and methods by name, then descriptor: looked up without building a key
 * @param code        the references of each method's code, by {@code name+descriptor}
 * @param nativeLoads calls that load a native library ({@code System.loadLibrary} and the like)
 * @param ordinal     the {@code ordinal} of its {@code @dev.plinth.api.Extension} annotation; 0 without one
 */
record ClassModel(String name, int access, int innerAccess, boolean member, String superName, List<String> interfaces,
                  String nestHost, List<String> annotations, Map<String, Member> fields, Map<String, Member> methods,
                  List<Ref> refs, Map<String, Map<String, Member>> byName, Map<String, List<Ref>> code,
                  List<NativeLoad> nativeLoads, int ordinal) {
    static final int PUBLIC = 0x0001;
    static final int PRIVATE = 0x0002;
    static final int PROTECTED = 0x0004;
    static final int STATIC = 0x0008;
    static final int FINAL = 0x0010;
    static final int VARARGS = 0x0080;
    static final int NATIVE = 0x0100;
    static final int INTERFACE = 0x0200;
    static final int ABSTRACT = 0x0400;
    static final int SYNTHETIC = 0x1000;
    static final int BRIDGE = 0x0040;

    boolean isInterface() {
        return (access & INTERFACE) != 0;
    }

    boolean isAbstract() {
        return (access & ABSTRACT) != 0;
    }

    /** Public as the JVM's {@code Class.getModifiers} sees it: nested classes use their InnerClasses flags. */
    boolean isPublic() {
        return (access & PUBLIC) != 0 && (innerAccess < 0 || (innerAccess & PUBLIC) != 0);
    }

    /** Top-level, or a static member class: instantiable without an enclosing instance. */
    boolean isTopLevelOrStaticMember() {
        return innerAccess < 0 || member && (innerAccess & STATIC) != 0;
    }

    String packageName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    String binaryName() {
        return name.replace('/', '.');
    }

    Optional<Member> method(String methodName, String descriptor) {
        return Optional.ofNullable(member(methodName, descriptor));
    }

    Optional<Member> field(String fieldName, String descriptor) {
        return Optional.ofNullable(member(fieldName, descriptor));
    }

    /** A member by name and descriptor; a field and a method never share a descriptor ({@code (} starts methods'). */
    private Member member(String memberName, String descriptor) {
        Map<String, Member> named = byName.get(memberName);
        return named == null ? null : named.get(descriptor);
    }

    /**
     * A field or method.
     *
     * @param owner      internal name of the declaring class
     * @param name       the member name
     * @param descriptor the JVM descriptor
     * @param access     access flags
     */
    record Member(String owner, String name, String descriptor, int access) {
        boolean is(int flag) {
            return (access & flag) != 0;
        }
    }

    /** The references one method's code makes; empty for an abstract or native method, or an unknown one. */
    List<Ref> codeOf(String nameAndDescriptor) {
        return code.getOrDefault(nameAndDescriptor, List.of());
    }

    /**
     * A call that loads a native library.
     *
     * @param from    the calling method as {@code name+descriptor}
     * @param call    the called method, e.g. {@code System.loadLibrary(String)}
     * @param library the library name when the code passes a constant, else null
     */
    record NativeLoad(String from, String call, String library) {
    }

    /** What kind of symbolic reference. */
    enum Kind { CLASS, FIELD_GET, FIELD_PUT, METHOD, NEW }

    /**
     * One symbolic reference: from the class header (method null) or from a method's code.
     *
     * @param kind        what is referenced
     * @param owner       internal name (or array descriptor) of the referenced class
     * @param name        member name, or null for a class reference
     * @param descriptor  member descriptor, or null
     * @param opcode      the JVM opcode, or a {@code Ref.*} pseudo opcode for header and handle references
     * @param isInterface whether a method reference is an interface method reference
     * @param from        the referencing method as {@code name+descriptor}, or null for the class header
     * @param guarded     whether the instruction lies in a try range catching a linkage error
     */
    record Ref(Kind kind, String owner, String name, String descriptor, int opcode, boolean isInterface, String from,
               boolean guarded) {
        static final int HEADER = -1;
        static final int HANDLE = -2;
        static final int CONSTANT = -3;

        boolean isStatic() {
            return opcode == 0xb8 || opcode == 0xb2 || opcode == 0xb3; // invokestatic, getstatic, putstatic
        }
    }
}
