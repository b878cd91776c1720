package dev.plinth.verify;

import static dev.plinth.verify.Fixtures.FILTER_V1;
import static dev.plinth.verify.Fixtures.REQUEST_V1;
import static dev.plinth.verify.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Holds {@link ContextLoaderReaders} against the JDK: every listed class and member exists, and a plugin whose
 * extension calls any one of them (a class file written for each) keeps the context class loader switch.
 */
class ContextLoaderReadersTest {
    /** A member of each listed package, for the plugin that calls it. */
    private static final Map<String, String> IN_PACKAGE = Map.of("javax/naming/", "javax.naming.InitialContext",
            "java/rmi/", "java.rmi.Naming", "java/beans/", "java.beans.Introspector", "javax/imageio/",
            "javax.imageio.ImageIO", "javax/print/", "javax.print.PrintServiceLookup", "javax/swing/",
            "javax.swing.UIManager", "java/awt/", "java.awt.Toolkit", "javax/xml/crypto/",
            "javax.xml.crypto.dsig.XMLSignatureFactory", "sun/", "sun.misc.Unsafe", "com/sun/",
            "com.sun.net.httpserver.HttpServer");

    @TempDir
    static Path dir;
    private static HostApi host;

    @BeforeAll
    static void api() throws Exception {
        host = host(Fixtures.api(dir.resolve("api"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter",
                FILTER_V1));
    }

    @Test
    void everyListedClassAndMemberExistsInTheJdk() throws Exception {
        for (Map.Entry<String, Map<String, String>> owner : ContextLoaderReaders.members().entrySet()) {
            Class<?> type = jdkClass(owner.getKey());
            for (String member : owner.getValue().keySet()) {
                if (!member.equals(ContextLoaderReaders.ANY)) {
                    assertThat(member(type, member)).as(owner.getKey() + "." + member).isPresent();
                }
            }
        }
        List<String> packages = ModuleLayer.boot().modules().stream().flatMap(m -> m.getPackages().stream())
                .map(p -> p.replace('.', '/') + "/").toList();
        for (String p : ContextLoaderReaders.packages()) {
            assertThat(packages).as(p).anyMatch(q -> q.startsWith(p));
            assertThat(IN_PACKAGE).containsKey(p);
        }
    }

    /** Every listed member, and one member of every listed package: {@code owner, member, descriptor, opcode}. */
    static Stream<Object[]> listed() throws Exception {
        List<Object[]> calls = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> owner : ContextLoaderReaders.members().entrySet()) {
            Class<?> type = jdkClass(owner.getKey());
            for (String member : owner.getValue().keySet()) {
                calls.add(call(type, member(type, member).orElseThrow()));
            }
        }
        for (String className : IN_PACKAGE.values()) {
            Class<?> type = jdkClass(className);
            calls.add(call(type, member(type, ContextLoaderReaders.ANY).orElseThrow()));
        }
        calls.add(call(Thread.class, Thread.class.getConstructor(Runnable.class)));
        calls.add(call(java.util.concurrent.Executors.class,
                java.util.concurrent.Executors.class.getMethod("newFixedThreadPool", int.class)));
        return calls.stream();
    }

    @ParameterizedTest(name = "{0}.{1}{2}")
    @MethodSource("listed")
    void aPluginCallingAListedMemberKeepsTheSwitch(String owner, String name, String descriptor, int opcode)
            throws Exception {
        Path jar = TestJar.named("caller").plugin("caller", "1.0").entry("com/acme/Caller.class",
                caller(owner, name, descriptor, opcode)).service("com.acme.api.Filter", "com.acme.Caller")
                .writeTo(dir.resolve(owner.replace('/', '_').replace('$', '_') + "_" + Math.abs(
                        (name + descriptor).hashCode())));

        ContextLoaderSwitch judged = Verifier.forHost(host).verification(PluginArchive.read(jar), List.of())
                .contextLoaderSwitch();

        assertThat(judged.needed()).isTrue();
        assertThat(judged.reason()).startsWith("com.acme.Caller.apply(com.acme.api.Request): calls "
                + Names.method(owner, name, descriptor) + ", which ");
    }

    /** A listed member of a class: by name and descriptor, by name, or ({@link ContextLoaderReaders#ANY}) any. */
    private static Optional<Executable> member(Class<?> type, String member) {
        List<Executable> all = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
        all.addAll(Arrays.asList(type.getDeclaredMethods()));
        all.removeIf(e -> !Modifier.isPublic(e.getModifiers()) || e.isSynthetic());
        all.sort(Comparator.comparing(ContextLoaderReadersTest::key));
        return all.stream().filter(e -> member.equals(ContextLoaderReaders.ANY) || member.equals(key(e))
                || member.equals(name(e))).findFirst();
    }

    private static Class<?> jdkClass(String name) throws ClassNotFoundException {
        return Class.forName(name.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
    }

    private static String name(Executable e) {
        return e instanceof Constructor<?> ? "<init>" : e.getName();
    }

    private static String key(Executable e) {
        return name(e) + (e instanceof Method m ? Type.getMethodDescriptor(m)
                : Type.getConstructorDescriptor((Constructor<?>) e));
    }

    private static Object[] call(Class<?> type, Executable e) {
        String descriptor = key(e).substring(name(e).length());
        int opcode = e instanceof Constructor<?> ? Opcodes.INVOKESPECIAL : Modifier.isStatic(e.getModifiers())
                ? Opcodes.INVOKESTATIC : type.isInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
        return new Object[] {Type.getInternalName(type), name(e), descriptor, opcode};
    }

    /** {@code com.acme.Caller}, a {@code Filter} whose {@code apply} makes the one call (never run, only read). */
    private static byte[] caller(String owner, String name, String descriptor, int opcode) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "com/acme/Caller", null, "java/lang/Object",
                new String[] {"com/acme/api/Filter"});
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(1, 1);
        init.visitEnd();
        MethodVisitor apply = cw.visitMethod(Opcodes.ACC_PUBLIC, "apply", "(Lcom/acme/api/Request;)Ljava/lang/String;",
                null, null);
        apply.visitCode();
        apply.visitMethodInsn(opcode, owner, name, descriptor, opcode == Opcodes.INVOKEINTERFACE);
        apply.visitInsn(Opcodes.ACONST_NULL);
        apply.visitInsn(Opcodes.ARETURN);
        apply.visitMaxs(20, 2);
        apply.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
