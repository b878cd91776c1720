package dev.plinth.processor;

import dev.plinth.api.Extension;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Runs the JDK's compiler in process with the processor, writing class files and resources to a real directory. */
final class Javac {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> options = new ArrayList<>();
    private final List<Processor> processors = new ArrayList<>(List.of(new ExtensionProcessor()));
    private final List<Path> classpath = new ArrayList<>(List.of(plinthApi()));

    static Javac sources() {
        return new Javac();
    }

    Javac source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    Javac option(String option) {
        options.add(option);
        return this;
    }

    Javac processor(Processor processor) {
        processors.add(processor);
        return this;
    }

    Javac classpath(Path path) {
        classpath.add(path);
        return this;
    }

    /** Compiles into {@code out}, which may already hold resources and classes of an earlier compilation. */
    Result into(Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new Source(name, code)));
        List<String> all = new ArrayList<>(List.of("--release", "17", "-d", out.toString(), "-classpath",
                classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        all.addAll(options);
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            Files.createDirectories(out);
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, all, null, units);
            task.setProcessors(processors);
            boolean ok = task.call();
            return new Result(ok, diagnostics.getDiagnostics(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path plinthApi() {
        try {
            return Path.of(Extension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome: success, every diagnostic, and the output directory. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path out) {
        List<Diagnostic<? extends JavaFileObject>> errors() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        }

        List<String> errorMessages() {
            return errors().stream().map(d -> d.getMessage(null)).toList();
        }

        String servicesFile(String service) {
            try {
                return Files.readString(out.resolve("META-INF/services/" + service));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
}
