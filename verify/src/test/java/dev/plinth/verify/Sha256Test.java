package dev.plinth.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The JCA-free SHA-256 gives the JDK's digest for every length around the block and padding boundaries. */
class Sha256Test {
    @Test
    void theStandardsTestVectors() {
        assertThat(Sha256.hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
                .getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    @Test
    void everyLengthUpToFiveBlocksAndLargeInputsMatchTheJdkWholeAndInPieces() throws Exception {
        Random random = new Random(17);
        for (int length = 0; length <= 1_000_000; length = length < 320 ? length + 1 : length * 3) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String jdk = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

            assertThat(Sha256.hex(bytes)).as("length %d", length).isEqualTo(jdk);
            Sha256 pieces = new Sha256();
            int at = 0;
            while (at < length) {
                int n = Math.min(length - at, random.nextInt(130));
                if (n == 1) {
                    pieces.update(bytes[at]);
                } else {
                    pieces.update(bytes, at, n);
                }
                at += n;
            }
            assertThat(pieces.hexDigest()).as("length %d in pieces", length).isEqualTo(jdk);
        }
    }
}
