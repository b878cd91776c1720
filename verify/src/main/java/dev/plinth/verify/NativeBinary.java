package dev.plinth.verify;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a native library was built for, read from its ELF, Mach-O (thin or universal) or PE header.
 *
 * @param format the binary format and width as reported, e.g. {@code ELF 64-bit}, {@code Mach-O}, {@code PE}
 * @param os     {@code linux}, {@code macos} or {@code windows}
 * @param archs  canonical architectures: {@code x86_64}, {@code aarch64}, {@code x86}, {@code arm}, ...
 */
record NativeBinary(String format, String os, List<String> archs) {

    /** Parses a header; empty when it is none of the three formats or is cut short. */
    static Optional<NativeBinary> parse(byte[] header) {
        try {
            ByteBuffer b = ByteBuffer.wrap(header);
            if (header.length >= 20 && b.getInt(0) == 0x7F454C46) {
                b.order(header[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                String width = header[4] == 2 ? "64-bit" : "32-bit";
                return Optional.of(new NativeBinary("ELF " + width, header[7] == 9 ? "freebsd" : "linux",
                        List.of(elf(b.getShort(18) & 0xffff))));
            }
            int magic = b.getInt(0);
            if (magic == 0xCAFEBABE || magic == 0xCAFEBABF) {
                int count = b.getInt(4);
                int size = magic == 0xCAFEBABE ? 20 : 32;
                List<String> archs = new ArrayList<>();
                for (int i = 0; i < count && i < 32; i++) {
                    archs.add(macho(b.getInt(8 + i * size)));
                }
                return Optional.of(new NativeBinary("Mach-O universal", "macos", List.copyOf(archs)));
            }
            if (magic == 0xFEEDFACE || magic == 0xFEEDFACF) {
                return Optional.of(new NativeBinary("Mach-O", "macos", List.of(macho(b.getInt(4)))));
            }
            if (magic == 0xCEFAEDFE || magic == 0xCFFAEDFE) {
                return Optional.of(new NativeBinary("Mach-O", "macos",
                        List.of(macho(b.order(ByteOrder.LITTLE_ENDIAN).getInt(4)))));
            }
            if (header.length >= 64 && header[0] == 'M' && header[1] == 'Z') {
                int pe = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0x3C);
                if (pe > 0 && pe + 6 <= header.length && b.getInt(pe) == 0x00004550) {
                    return Optional.of(new NativeBinary("PE", "windows", List.of(pe(b.getShort(pe + 4) & 0xffff))));
                }
            }
            return Optional.empty();
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty(); // a header cut short is not a library of any platform
        }
    }

    /** Architectures as the format's own tools name them: Apple says {@code arm64}, ELF and PE say {@code aarch64}. */
    String describe() {
        List<String> names = archs.stream().map(a -> os.equals("macos") ? appleName(a) : a).toList();
        return format + " " + String.join("+", names);
    }

    private static String elf(int machine) {
        return switch (machine) {
            case 3 -> "x86";
            case 62 -> "x86_64";
            case 183 -> "aarch64";
            case 40 -> "arm";
            case 243 -> "riscv64";
            case 21 -> "ppc64";
            case 22 -> "s390x";
            default -> "elf-machine-" + machine;
        };
    }

    private static String macho(int cputype) {
        return switch (cputype) {
            case 7 -> "x86";
            case 0x01000007 -> "x86_64";
            case 12 -> "arm";
            case 0x0100000C -> "aarch64";
            default -> "mach-cpu-" + Integer.toHexString(cputype);
        };
    }

    private static String pe(int machine) {
        return switch (machine) {
            case 0x14C -> "x86";
            case 0x8664 -> "x86_64";
            case 0xAA64 -> "aarch64";
            case 0x1C4 -> "arm";
            default -> "pe-machine-" + Integer.toHexString(machine);
        };
    }

    private static String appleName(String arch) {
        return switch (arch) {
            case "aarch64" -> "arm64";
            case "x86" -> "i386";
            default -> arch;
        };
    }
}
