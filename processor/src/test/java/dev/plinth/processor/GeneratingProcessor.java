package dev.plinth.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** A second processor that generates one more {@code @Extension} class in the first round, to force a second one. */
final class GeneratingProcessor extends AbstractProcessor {
    private final String className;
    private final String code;
    private boolean done;

    GeneratingProcessor(String className, String code) {
        this.className = className;
        this.code = code;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("java.lang.Deprecated");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!done) {
            done = true;
            try (Writer out = processingEnv.getFiler().createSourceFile(className).openWriter()) {
                out.write(code);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
