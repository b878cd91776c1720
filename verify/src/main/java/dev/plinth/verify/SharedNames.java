package dev.plinth.verify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One string instance per distinct constant-pool text in the class files of one jar, looked up by the encoded bytes:
 * a name met again costs a hash of its bytes and one comparison, with no decoding and no new string; the lookups by
 * name that follow then compare references and reuse hash codes.
 *
 * <p>Also holds the scratch arrays of {@link ConstantPool}, reused from one class file to the next.
 *
 * <h2>Threading</h2>
 * Not thread-safe: one instance serves the classes of one {@link ClassSpace}.
 */
final class SharedNames {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private byte[][] keys;
    private String[] values;
    private int[] hashes;
    private int size;

    int[] offsets = new int[256];
    String[] strings = new String[256];
    byte[] checked = new byte[256];
    private char[] chars = new char[256];

    /** Room for a jar's names. */
    SharedNames() {
        this(1 << 12);
    }

    /** Room for {@code capacity / 2} names before growing; a power of two. */
    SharedNames(int capacity) {
        keys = new byte[capacity][];
        values = new String[capacity];
        hashes = new int[capacity];
    }

    /** Scratch arrays for a constant pool of {@code count} entries; the strings and checks start empty. */
    void prepare(int count) {
        if (offsets.length < count) {
            int n = Math.max(count, offsets.length * 2);
            offsets = new int[n];
            strings = new String[n];
            checked = new byte[n];
        } else {
            Arrays.fill(strings, 0, count, null);
            Arrays.fill(checked, 0, count, (byte) 0);
        }
    }

    /**
     * The shared string of the modified UTF-8 text at {@code bytes[from..from+length)}, decoded as ASM decodes it.
     *
     * @throws IndexOutOfBoundsException when a multi-byte sequence runs past the text
     */
    String share(byte[] bytes, int from, int length) {
        long h = 0;
        long high = 0;
        int i = from;
        int end = from + length;
        for (; i + 8 <= end; i += 8) {
            long word = (long) LONGS.get(bytes, i);
            high |= word;
            h = (h + word) * 0x9E3779B97F4A7C15L;
        }
        for (; i < end; i++) {
            high |= bytes[i];
            h = (h + (bytes[i] & 0xff)) * 0x100000001B3L;
        }
        int hash = (int) (h ^ (h >>> 29) ^ (h >>> 41)) ^ length;
        int mask = keys.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                String value = (high & HIGH_BITS) == 0 ? new String(bytes, from, length, StandardCharsets.ISO_8859_1)
                        : decode(bytes, from, length);
                keys[slot] = Arrays.copyOfRange(bytes, from, end);
                values[slot] = value;
                hashes[slot] = hash;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return value;
            }
            if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, bytes, from, end)) {
                return values[slot];
            }
        }
    }

    /** Modified UTF-8 as ASM's {@code ClassReader.readUtf} reads it, refusing a sequence cut at the end. */
    private String decode(byte[] bytes, int from, int length) {
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        int end = from + length;
        int n = 0;
        int i = from;
        while (i < end) {
            int c = bytes[i++];
            if ((c & 0x80) == 0) {
                chars[n++] = (char) (c & 0x7F);
            } else if ((c & 0xE0) == 0xC0) {
                chars[n++] = (char) (((c & 0x1F) << 6) + (bytes[i++] & 0x3F));
            } else {
                chars[n++] = (char) (((c & 0xF) << 12) + ((bytes[i++] & 0x3F) << 6) + (bytes[i++] & 0x3F));
            }
        }
        if (i != end) {
            throw new IndexOutOfBoundsException("modified UTF-8 sequence cut at the end of a constant");
        }
        return new String(chars, 0, n);
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldValues = values;
        int[] oldHashes = hashes;
        keys = new byte[oldKeys.length * 2][];
        values = new String[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int slot = oldHashes[j] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[j];
                values[slot] = oldValues[j];
                hashes[slot] = oldHashes[j];
            }
        }
    }
}
