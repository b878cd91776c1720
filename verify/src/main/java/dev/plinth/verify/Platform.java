package dev.plinth.verify;

import java.util.Locale;

/**
 * The operating system and architecture a JVM runs on, normalised from {@code os.name} and {@code os.arch}.
 *
 * @param os    {@code linux}, {@code macos}, {@code windows}, or {@code os.name} in lower case
 * @param arch  canonical architecture: {@code x86_64}, {@code aarch64}, {@code x86}, {@code arm}, or {@code os.arch}
 * @param label what the JVM itself reports, for messages: {@code linux amd64}
 */
record Platform(String os, String arch, String label) {

    /** The platform of this JVM. */
    static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The platform for {@code os.name} and {@code os.arch} values, e.g. {@code ("Mac OS X", "aarch64")}. */
    static Platform of(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux") ? "linux" : name.startsWith("mac") || name.startsWith("darwin")
                ? "macos" : name.startsWith("windows") ? "windows" : name.startsWith("freebsd") ? "freebsd" : name;
        String raw = osArch.toLowerCase(Locale.ROOT);
        String arch = switch (raw) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            case "arm", "arm32", "armv7l" -> "arm";
            default -> raw;
        };
        return new Platform(os, arch, os + " " + raw);
    }

    /** The conventional directory name of builds for this platform: {@code linux-x86_64}. */
    String classifier() {
        return os + "-" + arch;
    }
}
