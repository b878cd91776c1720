package dev.plinth.testjars;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources to class files held in memory, with the JDK's own compiler. */
final class InMemoryCompiler {
    private InMemoryCompiler() {
    }

    static Map<String, byte[]> compile(Map<String, String> sources, List<Path> classpath, int release) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new Source(name, code)));
        List<String> options = new ArrayList<>(List.of("--release", Integer.toString(release), "-proc:none"));
        if (!classpath.isEmpty()) {
            options.add("-classpath");
            options.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        StringWriter diagnostics = new StringWriter();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
        try (Files files = new Files(standard, out)) {
            boolean ok = javac.getTask(diagnostics, files, null, options, null, units).call();
            if (!ok) {
                throw new IllegalArgumentException("test sources do not compile:\n" + diagnostics);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        out.forEach((binaryName, bytes) -> classes.put(binaryName.replace('.', '/') + ".class", bytes.toByteArray()));
        return classes;
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    private static final class Files extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> out;

        Files(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> out) {
            super(standard);
            this.out = out;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    out.put(className, bytes);
                    return bytes;
                }
            };
        }
    }
}
