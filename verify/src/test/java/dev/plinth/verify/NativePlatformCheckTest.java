package dev.plinth.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativePlatformCheckTest {
    private static final Platform LINUX_AMD64 = Platform.of("Linux", "amd64");

    @TempDir
    Path dir;

    static byte[] elf(int machine) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        b.putShort(16, (short) 3).putShort(18, (short) machine);
        return b.array();
    }

    static byte[] machO(int cputype) {
        return ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putInt(0xFEEDFACF).putInt(cputype).array();
    }

    static byte[] universal(int... cputypes) {
        ByteBuffer b = ByteBuffer.allocate(8 + 20 * cputypes.length).putInt(0xCAFEBABE).putInt(cputypes.length);
        for (int cpu : cputypes) {
            b.putInt(cpu).putInt(0).putInt(0).putInt(0).putInt(0);
        }
        return b.array();
    }

    /** A PE file whose header lies beyond the first 64 bytes, as real DLLs' do (after the DOS stub). */
    static byte[] pe(int machine) {
        ByteBuffer b = ByteBuffer.allocate(400).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, 0x108);
        b.putInt(0x108, 0x00004550).putShort(0x10C, (short) machine);
        return b.array();
    }

    private List<Finding> check(Platform platform, TestJar jar) throws Exception {
        PluginArchive archive = PluginArchive.read(jar.plugin("fast", "1.0").writeTo(dir));
        List<Finding> findings = new ArrayList<>();
        new NativePlatformCheck(platform).run(new ClassSpace(archive, new HostClasses(HostApi.of(Set.of(),
                List.of()))), findings);
        return findings;
    }

    @Test
    void libraryOnlyBuiltForAnotherPlatformIsAnError() throws Exception {
        List<Finding> findings = check(LINUX_AMD64, TestJar.named("fast")
                .entry("native/libfast.dylib", machO(0x0100000C)));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.code()).isEqualTo(FindingCode.NATIVE_PLATFORM);
            assertThat(f.message()).isEqualTo("native/libfast.dylib: Mach-O arm64 library; this JVM runs on linux"
                    + " amd64");
            assertThat(f.fix()).isEqualTo("bundle a linux-x86_64 build of libfast");
        });
    }

    @Test
    void theClassThatLoadsTheLibraryIsNamed() throws Exception {
        List<Finding> findings = check(LINUX_AMD64, TestJar.named("fast")
                .source("com.acme.Fast", "package com.acme; public class Fast {"
                        + " static { System.loadLibrary(\"fast\"); } public static native int go(); }")
                .entry("native/libfast.dylib", machO(0x0100000C)));

        assertThat(findings).extracting(Finding::message).containsExactly("native/libfast.dylib: Mach-O arm64"
                + " library; this JVM runs on linux amd64; loaded by com.acme.Fast.<clinit>"
                + " (System.loadLibrary(\"fast\"))");
    }

    @Test
    void everyBuildOfALibraryMissingForThisPlatformIsNamed() throws Exception {
        List<Finding> findings = check(LINUX_AMD64, TestJar.named("fast")
                .entry("native/linux-aarch64/libfast.so", elf(183))
                .entry("native/windows/fast.dll", pe(0x8664)));

        assertThat(findings).extracting(Finding::message).containsExactly(
                "native/linux-aarch64/libfast.so: ELF 64-bit aarch64 library; this JVM runs on linux amd64",
                "native/windows/fast.dll: PE x86_64 library; this JVM runs on linux amd64");
    }

    @Test
    void libraryWithABuildForThisPlatformIsAcceptedAlongsideOthers() throws Exception {
        TestJar jar = TestJar.named("fast")
                .entry("native/linux-x86_64/libfast.so", elf(62))
                .entry("native/linux-aarch64/libfast.so", elf(183))
                .entry("native/windows/fast.dll", pe(0x8664));

        assertThat(check(LINUX_AMD64, jar)).isEmpty();
    }

    @Test
    void universalMachOMatchesEitherArchitectureOnMacos() throws Exception {
        TestJar jar = TestJar.named("fast").entry("libfast.dylib", universal(0x01000007, 0x0100000C));

        assertThat(check(Platform.of("Mac OS X", "aarch64"), jar)).isEmpty();
        assertThat(check(Platform.of("Mac OS X", "x86_64"), jar)).isEmpty();
        assertThat(check(Platform.of("Windows 11", "amd64"), jar)).extracting(Finding::message).containsExactly(
                "libfast.dylib: Mach-O universal x86_64+arm64 library; this JVM runs on windows amd64");
    }

    @Test
    void fileNamedLikeALibraryThatIsNoBinaryIsAWarning() throws Exception {
        List<Finding> findings = check(LINUX_AMD64, TestJar.named("fast")
                .entry("libfast.so", "version https://git-lfs.github.com/spec/v1".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("libfast.so: not an ELF, Mach-O or PE library");
        });
    }
}
