package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.verify.ContextLoaderSwitch;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.HostReads;
import dev.plinth.verify.Location;
import dev.plinth.verify.Verification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entry format: what is written is read back equal; anything not whole and of this key is no entry. */
class CacheEntryTest {
    private static final String KEY = "ab".repeat(32);
    private static final Verification VERIFICATION = new Verification(List.of(
            Finding.error(FindingCode.UNRESOLVED_REFERENCE, "odd\tid", new Location(Path.of("/p/a b.jar"),
                    "lib/x.jar!/com/acme/X.class", "com.acme.X", "run()V"), "line one\nline two \\ back\\0slash",
                    "fix\r\n"),
            Finding.info(FindingCode.SYSTEM_EXIT, "odd\tid", Location.of(Path.of("/p/a b.jar")), "\\0", "")),
            HostReads.of(Map.of("java/lang/Object", "0f".repeat(32), "com/acme/Missing", HostReads.ABSENT),
                    Map.of("org/slf4j", false, "com/acme", true)), new ContextLoaderSwitch(false, "proven\tso\\0"));

    @Test
    void whatIsWrittenIsReadBackEqual() {
        assertThat(CacheEntry.read(CacheEntry.write(KEY, VERIFICATION), KEY)).contains(VERIFICATION);
    }

    @Test
    void anEntryForAnotherKeyIsNoEntry() {
        assertThat(CacheEntry.read(CacheEntry.write(KEY, VERIFICATION), "cd".repeat(32))).isEmpty();
    }

    @Test
    void everyTruncationAndEveryFlippedByteIsNoEntry() {
        byte[] whole = CacheEntry.write(KEY, VERIFICATION);
        for (int length = 0; length < whole.length; length++) {
            assertThat(CacheEntry.read(Arrays.copyOf(whole, length), KEY)).as("first %d bytes", length).isEmpty();
        }
        for (int i = 0; i < whole.length; i++) {
            byte[] flipped = whole.clone();
            flipped[i] ^= 0x20;
            assertThat(CacheEntry.read(flipped, KEY)).as("byte %d flipped", i).isEmpty();
        }
    }

    @Test
    void anEntryOfFormatOneOrWithoutItsContextLoaderLineIsNoEntry() {
        String whole = new String(CacheEntry.write(KEY, VERIFICATION), StandardCharsets.UTF_8);
        String body = whole.substring(0, whole.lastIndexOf("end\t"));
        String withoutLine = body.replaceAll("(?m)^context-loader\t.*\n", "");

        assertThat(CacheEntry.read(sealed(body), KEY)).contains(VERIFICATION);
        assertThat(CacheEntry.read(sealed(withoutLine), KEY)).isEmpty();
        assertThat(CacheEntry.read(sealed(body.replace("plinth-verification-cache\t3",
                "plinth-verification-cache\t2")), KEY)).isEmpty();
        assertThat(CacheEntry.read(sealed(body + body.substring(body.indexOf("context-loader"))), KEY)).isEmpty();
    }

    /** An entry's body with its {@code end} line, as {@link CacheEntry#write} seals it. */
    private static byte[] sealed(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (body + "end\t" + CacheEntry.checksum(bytes) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
