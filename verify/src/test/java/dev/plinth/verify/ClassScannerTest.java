package dev.plinth.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * {@link ClassScanner} gives the model ASM's visit gives ({@link ClassParser#parseWithAsm}): on real class files of
 * the JDK and of the jars on the test class path, on each instruction family built on purpose, and on damaged class
 * files, where {@link ClassParser} must report exactly what ASM reports.
 */
class ClassScannerTest {
    @Test
    void realClassFilesGiveTheModelsAsmGives() throws IOException {
        List<byte[]> classes = new ArrayList<>(jdkClasses("java/util", "java/lang", "java/time"));
        for (String prefix : List.of("asm-9", "junit-jupiter-engine-", "junit-platform-engine-", "assertj-core-")) {
            classes.addAll(jarClasses(prefix));
        }
        int scanned = 0;
        for (byte[] bytes : classes) {
            for (boolean code : new boolean[] {true, false}) {
                ClassModel byAsm = ClassParser.parseWithAsm(bytes, code);
                ClassModel scannedModel;
                try {
                    scannedModel = ClassScanner.scan(bytes, new SharedNames(), code);
                } catch (ClassScanner.Unsupported e) {
                    continue; // left to ASM: records, and type annotations inside code
                }
                assertThat(scannedModel).as(byAsm.name()).isEqualTo(byAsm);
                scanned++;
            }
        }
        assertThat(classes).hasSizeGreaterThan(3_000);
        assertThat(scanned).isGreaterThan(classes.size() * 2 * 99 / 100);
    }

    @Test
    void eachInstructionFamilyGivesTheReferencesAsmGives() {
        byte[] bytes = Bytecode.everyFamily();

        ClassModel model = ClassScanner.scan(bytes, new SharedNames(), true);

        assertThat(model).isEqualTo(ClassParser.parseWithAsm(bytes, true));
        for (String method : List.of("tableSwitch0()V", "tableSwitch1()V", "tableSwitch2()V", "tableSwitch3()V",
                "lookupSwitch0()V", "lookupSwitch1()V", "lookupSwitch2()V", "lookupSwitch3()V")) {
            assertThat(model.codeOf(method)).extracting(ClassModel.Ref::owner).as(method)
                    .containsExactly("com/acme/Before", "com/acme/After");
        }
        assertThat(model.codeOf("wide()V")).extracting(ClassModel.Ref::owner).containsExactly("com/acme/After");
        assertThat(model.codeOf("dynamic()V")).extracting(r -> r.kind() + " " + r.owner() + " " + r.name())
                .containsExactly("METHOD com/acme/Bootstraps bootstrap", "CLASS com/acme/Arg null",
                        "FIELD_GET com/acme/Holder value", "NEW com/acme/Made null", "METHOD com/acme/Made <init>",
                        "METHOD com/acme/Bootstraps constant", "CLASS [Lcom/acme/Element; null",
                        "CLASS com/acme/Loaded null", "CLASS [[Lcom/acme/Grid; null",
                        "METHOD java/lang/System loadLibrary");
        assertThat(model.nativeLoads()).containsExactly(new ClassModel.NativeLoad("dynamic()V",
                "System.loadLibrary(String)", "acme"));
    }

    @Test
    void guardsFollowTheHandlersControlFlowAsAsmVisitIsFollowed() {
        byte[] bytes = Bytecode.handlers();

        ClassModel model = ClassScanner.scan(bytes, new SharedNames(), true);

        assertThat(model).isEqualTo(ClassParser.parseWithAsm(bytes, true));
        assertThat(model.codeOf("swallows()V")).filteredOn(r -> r.owner().equals("com/acme/Optional"))
                .extracting(ClassModel.Ref::guarded).containsExactly(true);
        assertThat(model.codeOf("rethrows()V")).filteredOn(r -> r.owner().equals("com/acme/Optional"))
                .extracting(ClassModel.Ref::guarded).containsExactly(false);
    }

    @Test
    void subroutinesOfOldClassFilesAreRead() {
        byte[] bytes = Bytecode.subroutine();

        ClassModel model = ClassScanner.scan(bytes, new SharedNames(), true);

        assertThat(model).isEqualTo(ClassParser.parseWithAsm(bytes, true));
        assertThat(model.codeOf("finallyByJsr()V")).extracting(r -> r.owner() + " " + r.guarded())
                .containsExactly("java/lang/Throwable true", "com/acme/Optional true", "com/acme/Cleanup false");
    }

    @Test
    void aMalformedDescriptorIsReportedAsAsmReportsIt() {
        byte[] bytes = Bytecode.badFieldDescriptor();

        assertThatThrownBy(() -> ClassParser.full(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IllegalArgumentException: malformed field descriptor 'Q'");
    }

    @Test
    void damagedClassFilesGiveWhatAsmGives() throws IOException {
        Random random = new Random(15);
        List<byte[]> originals = List.of(Bytecode.everyFamily(), Bytecode.handlers(), Bytecode.subroutine(),
                jdkClasses("java/util/concurrent").get(7));
        for (byte[] original : originals) {
            for (int i = 0; i < 3_000; i++) {
                byte[] damaged = i % 10 == 0 ? Arrays.copyOf(original, random.nextInt(original.length))
                        : original.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0 && i % 10 != 0; flips--) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                assertThat(outcome(() -> ClassParser.full(damaged)))
                        .isEqualTo(outcome(() -> ClassParser.parseWithAsm(damaged, true)));
                assertThat(outcome(() -> ClassParser.header(damaged)))
                        .isEqualTo(outcome(() -> ClassParser.parseWithAsm(damaged, false)));
            }
        }
    }

    /**
     * The model, or the kind of exception ASM failed with: its message may be left out once the JIT throws a
     * preallocated exception for an index out of bounds, so it cannot be compared.
     */
    private static Object outcome(java.util.function.Supplier<ClassModel> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            return e.getMessage().split(":")[0];
        }
    }

    private static List<byte[]> jdkClasses(String... packages) throws IOException {
        List<byte[]> classes = new ArrayList<>();
        Path base = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("modules", "java.base");
        for (String pkg : packages) {
            try (Stream<Path> files = Files.walk(base.resolve(pkg))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    classes.add(Files.readAllBytes(p));
                }
            }
        }
        return classes;
    }

    private static List<byte[]> jarClasses(String prefix) throws IOException {
        Path jar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar"))
                .findFirst().orElseThrow(() -> new AssertionError(prefix + "*.jar is not on the test class path"));
        List<byte[]> classes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
                    classes.add(zip.getInputStream(entry).readAllBytes());
                }
            }
        }
        return classes;
    }
}
