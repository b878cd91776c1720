package com.acme.crc;

import com.acme.api.Filter;
import java.nio.charset.StandardCharsets;

/** Appends a checksum computed by a bundled native library. */
public final class CrcFilter implements Filter {
    @Override
    public String apply(String text) {
        return text + " crc=" + Long.toHexString(NativeCrc.checksum(text.getBytes(StandardCharsets.UTF_8)));
    }
}
