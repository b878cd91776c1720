package dev.plinth.verify;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The control flow of one method as {@link CodeScanner} meets its instructions, kept only when a linkage-error
 * handler needs it: what each instruction is (as ASM's visit reports it: {@code goto_w} as {@code goto}, a
 * {@code wide} one as the instruction it widens), where it jumps, and which instruction starts at each code offset.
 * Positions count instructions, as {@link CodeCollector} counts them.
 */
final class CodeFlow {
    private static final int GOTO = 167;
    private static final int JSR = 168;
    private static final int RET = 169;
    private static final int TABLESWITCH = 170;
    private static final int LOOKUPSWITCH = 171;
    private static final int ATHROW = 191;

    private final int[] indexAt;
    private int[] opcodes = new int[64];
    private int[] jumpsOf = new int[64];
    private int[] targets = new int[64];
    private int targetsSize;
    private int count;

    CodeFlow(int codeLength) {
        indexAt = new int[codeLength + 1];
        Arrays.fill(indexAt, -1);
    }

    /** The instruction at code offset {@code pc} is next. */
    void instruction(int pc, int op) {
        if (count == opcodes.length) {
            opcodes = Arrays.copyOf(opcodes, count * 2);
            jumpsOf = Arrays.copyOf(jumpsOf, count * 2);
        }
        indexAt[pc] = count;
        opcodes[count] = op == 200 ? GOTO : op == 201 ? JSR : op;
        jumpsOf[count++] = -1;
    }

    /** The last instruction is a {@code wide} one, widening {@code op}. */
    void widened(int op) {
        opcodes[count - 1] = op;
    }

    /** The last instruction jumps to {@code n} targets, given next by {@link #target}. */
    void jumps(int n) {
        if (targetsSize + n + 1 > targets.length) {
            targets = Arrays.copyOf(targets, Math.max(targets.length * 2, targetsSize + n + 1));
        }
        jumpsOf[count - 1] = targetsSize;
        targets[targetsSize++] = n;
    }

    void target(int pc) {
        targets[targetsSize++] = pc;
    }

    /** Every instruction is in; the end of the code counts as one more position, as its label does. */
    void end(int codeLength) {
        indexAt[codeLength] = count;
    }

    /** The position of the instruction starting at code offset {@code pc}; -1 inside an instruction. */
    int indexAt(int pc) {
        return indexAt[pc];
    }

    /**
     * Whether some path of normal control flow from position {@code start} reaches a {@code return}, as
     * {@link CodeCollector} decides it: exceptions thrown on the way are not followed.
     */
    boolean completesNormally(int start) {
        BitSet seen = new BitSet(count);
        int[] stack = new int[count + 1];
        int top = 0;
        stack[top++] = start;
        while (top > 0) {
            int at = stack[--top];
            while (at < count && !seen.get(at)) {
                seen.set(at);
                int op = opcodes[at];
                if (op >= 172 && op <= 177) {
                    return true;
                }
                if (op == ATHROW || op == RET) {
                    break;
                }
                int j = jumpsOf[at];
                if (j >= 0) {
                    for (int k = j + 1, end = j + 1 + targets[j]; k < end; k++) {
                        int to = indexAt[targets[k]];
                        if (to >= 0 && !seen.get(to)) {
                            if (top == stack.length) {
                                stack = Arrays.copyOf(stack, stack.length * 2);
                            }
                            stack[top++] = to;
                        }
                    }
                    if (op == GOTO || op == TABLESWITCH || op == LOOKUPSWITCH) {
                        break;
                    }
                }
                at++;
            }
        }
        return false;
    }
}
