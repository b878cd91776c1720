package dev.plinth.verify;

/**
 * The constant pool of one class file, indexed once: where each entry is, and its texts decoded on first use as
 * {@link SharedNames} instances. Every accessor checks the index and the entry's tag and throws
 * {@link ClassScanner.Unsupported} when they are not what a well-formed class file has there.
 */
final class ConstantPool {
    static final int UTF8 = 1;
    static final int INTEGER = 3;
    static final int FLOAT = 4;
    static final int LONG = 5;
    static final int DOUBLE = 6;
    static final int CLASS = 7;
    static final int STRING = 8;
    static final int FIELD = 9;
    static final int METHOD = 10;
    static final int INTERFACE_METHOD = 11;
    static final int NAME_AND_TYPE = 12;
    static final int METHOD_HANDLE = 15;
    static final int METHOD_TYPE = 16;
    static final int DYNAMIC = 17;
    static final int INVOKE_DYNAMIC = 18;

    private static final byte FIELD_DESCRIPTOR = 1;
    private static final byte METHOD_DESCRIPTOR = 2;

    final byte[] bytes;
    private final SharedNames names;
    private final int[] offsets;
    private final String[] strings;
    private final byte[] checked;
    final int count;
    /** The offset just past the pool: the class's access flags. */
    final int end;
    /** Whether an entry needs the {@code BootstrapMethods} attribute. */
    final boolean bootstraps;

    ConstantPool(byte[] bytes, SharedNames names) {
        this.bytes = bytes;
        this.names = names;
        this.count = u2(8);
        names.prepare(count);
        this.offsets = names.offsets;
        this.strings = names.strings;
        this.checked = names.checked;
        boolean needsBootstraps = false;
        int at = 10;
        for (int i = 1; i < count; i++) {
            offsets[i] = at + 1;
            int tag = bytes[at];
            switch (tag) {
                case FIELD, METHOD, INTERFACE_METHOD, INTEGER, FLOAT, NAME_AND_TYPE -> at += 5;
                case DYNAMIC, INVOKE_DYNAMIC -> {
                    at += 5;
                    needsBootstraps = true;
                }
                case LONG, DOUBLE -> {
                    at += 9;
                    if (++i < count) {
                        offsets[i] = 0; // the unusable second slot
                    }
                }
                case UTF8 -> at += 3 + u2(at + 1);
                case METHOD_HANDLE -> at += 4;
                case CLASS, STRING, METHOD_TYPE, 19, 20 -> at += 3;
                default -> throw ClassScanner.UNSUPPORTED;
            }
        }
        this.end = at;
        this.bootstraps = needsBootstraps;
    }

    int u1(int offset) {
        return bytes[offset] & 0xff;
    }

    int u2(int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }

    int s2(int offset) {
        return (short) u2(offset);
    }

    int s4(int offset) {
        return (u2(offset) << 16) | u2(offset + 2);
    }

    /** The tag of an entry; throws for index 0 and indexes past the pool. */
    int tag(int index) {
        if (index <= 0 || index >= count || offsets[index] == 0) {
            throw ClassScanner.UNSUPPORTED;
        }
        return bytes[offsets[index] - 1];
    }

    /** Where an entry's content starts (just past its tag). */
    int offset(int index, int tag) {
        if (tag(index) != tag) {
            throw ClassScanner.UNSUPPORTED;
        }
        return offsets[index];
    }

    /** The text of a {@code CONSTANT_Utf8} entry. */
    String utf8(int index) {
        String s = index > 0 && index < count ? strings[index] : null;
        if (s == null) {
            int at = offset(index, UTF8);
            s = names.share(bytes, at + 2, u2(at));
            strings[index] = s;
        }
        return s;
    }

    /** {@link #utf8} of the index at {@code offset}, or null when that index is 0. */
    String utf8OrNullAt(int offset) {
        int index = u2(offset);
        return index == 0 ? null : utf8(index);
    }

    /** Checks that the index at {@code offset} is 0 or names a {@code CONSTANT_Utf8} entry, without decoding it. */
    void requireUtf8OrNullAt(int offset) {
        int index = u2(offset);
        if (index != 0) {
            offset(index, UTF8);
        }
    }

    /** The internal name of a {@code CONSTANT_Class} entry. */
    String className(int index) {
        return utf8(u2(offset(index, CLASS)));
    }

    /** {@link #className} of the index at {@code offset}, or null when that index is 0. */
    String classNameOrNullAt(int offset) {
        int index = u2(offset);
        return index == 0 ? null : className(index);
    }

    /** A field descriptor, checked once per entry as {@link DescriptorSyntax} checks it. */
    String fieldDescriptor(int index) {
        String d = utf8(index);
        if (checked[index] != FIELD_DESCRIPTOR) {
            try {
                DescriptorSyntax.requireField(d);
            } catch (IllegalArgumentException e) {
                throw ClassScanner.UNSUPPORTED; // ASM's reading reports it, at the place it meets it
            }
            checked[index] = FIELD_DESCRIPTOR;
        }
        return d;
    }

    /** A method descriptor, checked once per entry as {@link DescriptorSyntax} checks it. */
    String methodDescriptor(int index) {
        String d = utf8(index);
        if (checked[index] != METHOD_DESCRIPTOR) {
            try {
                DescriptorSyntax.requireMethod(d);
            } catch (IllegalArgumentException e) {
                throw ClassScanner.UNSUPPORTED;
            }
            checked[index] = METHOD_DESCRIPTOR;
        }
        return d;
    }
}
