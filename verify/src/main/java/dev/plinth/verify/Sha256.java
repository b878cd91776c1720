package dev.plinth.verify;

import java.util.HexFormat;

/**
 * SHA-256 (FIPS 180-4) of small inputs — cache keys, cache entries, class files — without the JCA: the first
 * {@code MessageDigest.getInstance} of a JVM sets up the security providers, about 30 ms of a host's start when its
 * plugins come from the verification cache. Large inputs are hashed with {@code MessageDigest}, whose compiled
 * form the JVM accelerates (see {@link #hex}). Not thread-safe; one instance per digest.
 */
public final class Sha256 {
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    /** The largest input {@link #hex} hashes itself: a cache key, an entry, a small API class file. */
    private static final int SMALL = 4096;

    private final int[] state = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    private final byte[] block = new byte[64];
    private final int[] w = new int[64];
    private int filled;
    private long length;

    /** A digest of nothing yet. */
    public Sha256() {
    }

    /**
     * The lower-case hex SHA-256 of {@code bytes}: of 4 KiB or less by this class, of more by
     * {@code MessageDigest}, which the JVM compiles to the processor's SHA instructions (verifying a plugin hashes
     * every JDK class file it reads, tens of kilobytes each: this class took several times as long).
     */
    public static String hex(byte[] bytes) {
        if (bytes.length > SMALL) {
            try {
                return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
        Sha256 sha = new Sha256();
        sha.update(bytes, 0, bytes.length);
        return sha.hexDigest();
    }

    /** Adds {@code bytes}. */
    public Sha256 update(byte[] bytes) {
        return update(bytes, 0, bytes.length);
    }

    /** Adds {@code count} bytes of {@code bytes} from {@code offset}. */
    public Sha256 update(byte[] bytes, int offset, int count) {
        java.util.Objects.checkFromIndexSize(offset, count, bytes.length);
        length += count;
        int i = offset;
        int end = offset + count;
        while (filled > 0 && i < end) { // finish a block begun earlier
            block[filled++] = bytes[i++];
            if (filled == 64) {
                compress(block, 0);
            }
        }
        for (; end - i >= 64; i += 64) { // whole blocks straight from the input
            compress(bytes, i);
        }
        while (i < end) {
            block[filled++] = bytes[i++];
        }
        return this;
    }

    /** Adds one byte. */
    public Sha256 update(byte b) {
        length++;
        block[filled++] = b;
        if (filled == 64) {
            compress(block, 0);
        }
        return this;
    }

    /** The digest of everything added, lower-case hex; the instance is spent. */
    public String hexDigest() {
        long bits = length * 8;
        block[filled++] = (byte) 0x80;
        if (filled > 56) {
            java.util.Arrays.fill(block, filled, 64, (byte) 0);
            compress(block, 0);
        }
        java.util.Arrays.fill(block, filled, 56, (byte) 0);
        for (int i = 0; i < 8; i++) {
            block[56 + i] = (byte) (bits >>> (56 - 8 * i));
        }
        compress(block, 0);
        byte[] digest = new byte[32];
        for (int i = 0; i < 32; i++) {
            digest[i] = (byte) (state[i / 4] >>> (24 - 8 * (i % 4)));
        }
        return HexFormat.of().formatHex(digest);
    }

    private void compress(byte[] in, int at) {
        for (int t = 0; t < 16; t++) {
            int p = at + 4 * t;
            w[t] = (in[p] & 0xff) << 24 | (in[p + 1] & 0xff) << 16 | (in[p + 2] & 0xff) << 8 | (in[p + 3] & 0xff);
        }
        for (int t = 16; t < 64; t++) {
            int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
            int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        for (int t = 0; t < 64; t++) {
            int t1 = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                    + (e & f ^ ~e & g) + K[t] + w[t];
            int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                    + (a & b ^ a & c ^ b & c);
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
        filled = 0;
    }
}
