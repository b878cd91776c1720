package dev.plinth.verify;

/**
 * Steps over annotations as ASM's reader does when no visitor listens, for {@link ClassScanner}: it reads the
 * element names and the annotation types and nothing else, and each method returns the offset just past what it
 * stepped over. What ASM would fail on throws {@link ClassScanner.Unsupported}.
 */
final class AnnotationSteps {
    private static final int MAX_NESTING = 64;

    private final ConstantPool pool;

    AnnotationSteps(ConstantPool pool) {
        this.pool = pool;
    }

    /** Steps over annotation element values as ASM does when nobody listens: reading only element names. */
    int elementValues(int at, boolean named, int depth) {
        int n = pool.u2(at);
        at += 2;
        for (; n > 0; n--) {
            if (named) {
                pool.requireUtf8OrNullAt(at);
                at += 2;
            }
            at = elementValue(at, depth);
        }
        return at;
    }

    int elementValue(int at, int depth) {
        if (depth > MAX_NESTING) {
            throw ClassScanner.UNSUPPORTED;
        }
        return switch (pool.u1(at)) {
            case 'e' -> at + 5;
            case '@' -> elementValues(at + 3, true, depth + 1);
            case '[' -> elementValues(at + 1, false, depth + 1);
            default -> at + 3;
        };
    }

    int annotations(int at) {
        int n = pool.u2(at);
        at += 2;
        for (; n > 0; n--) {
            pool.requireUtf8OrNullAt(at);
            at = elementValues(at + 2, true, 0);
        }
        return at;
    }

    void typeAnnotations(int at) {
        int n = pool.u2(at);
        at += 2;
        for (; n > 0; n--) {
            at += switch (pool.u1(at)) {
                case 0x13, 0x14, 0x15 -> 1;
                case 0x00, 0x01, 0x16 -> 2;
                case 0x10, 0x11, 0x12, 0x17, 0x42, 0x43, 0x44, 0x45, 0x46 -> 3;
                case 0x47, 0x48, 0x49, 0x4A, 0x4B -> 4;
                default -> throw ClassScanner.UNSUPPORTED; // local variable targets need the code's labels in ASM
            };
            at += 1 + 2 * pool.u1(at);
            pool.requireUtf8OrNullAt(at);
            at = elementValues(at + 2, true, 0);
        }
    }

    void parameterAnnotations(int at) {
        int parameters = pool.u1(at);
        at++;
        for (int p = 0; p < parameters; p++) {
            at = annotations(at);
        }
    }
}
