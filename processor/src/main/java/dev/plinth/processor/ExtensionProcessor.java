package dev.plinth.processor;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Annotation processor for {@code @dev.plinth.api.Extension} that writes the {@code META-INF/services} entries and
 * makes the compilation fail, at the class, for an extension ServiceLoader could not instantiate.
 *
 * <h2>What it reports as errors</h2>
 * An {@code @Extension} class that is not public (or nested in a non-public class), is abstract or an interface, is
 * a non-static inner or a local class, has neither a public no-arg constructor nor a public static no-arg
 * {@code provider()} method, does not implement an interface its {@code value()} names, or implements no
 * interface at all.
 *
 * <h2>Which interfaces</h2>
 * {@code @Extension(Filter.class)} registers the class for exactly the interfaces it names. Without a value, for
 * every interface the class or one of its superclasses declares in its {@code implements} clause, leaving out JDK
 * interfaces ({@code java.*}, {@code javax.*}, {@code jdk.*}). The option
 * {@code -Aplinth.apiPackages=com.acme.api,com.acme.spi} restricts that to the host's API packages and their
 * subpackages ({@code dev.plinth.api} is always included, for {@code Plugin}).
 *
 * <h2>Services files</h2>
 * One file per interface, written once, in the last round, to the class output. Lines already there (copied from
 * {@code src/main/resources} or written by an earlier incremental compilation) are kept verbatim and in order; new
 * providers are appended in sorted order, so the output is reproducible. A line is never dropped.
 *
 * <h2>Dependencies</h2>
 * None, not even {@code plinth-api}: the annotation is read by name through the language model, because its
 * {@code Class<?>[]} value cannot be read reflectively during compilation anyway. So the processor path stays a
 * single jar, and one processor version works with any {@code plinth-api} version on the compile class path.
 *
 * <h2>Incremental builds</h2>
 * Declared to Gradle as <em>aggregating</em>: one services file gathers many classes. The annotation has
 * {@code CLASS} retention, as Gradle requires of aggregating processors.
 */
public final class ExtensionProcessor extends AbstractProcessor {
    /** The annotation this processor handles. */
    public static final String EXTENSION = "dev.plinth.api.Extension";
    /** The option naming the host API packages, comma separated. */
    public static final String API_PACKAGES_OPTION = "plinth.apiPackages";

    private ExtensionCheck check;
    private ServiceFiles services;

    /** Creates the processor; javac and Gradle find it through {@code META-INF/services}. */
    public ExtensionProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        String option = env.getOptions().get(API_PACKAGES_OPTION);
        check = new ExtensionCheck(env, ApiPackages.parse(option));
        services = new ServiceFiles(env.getFiler());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(EXTENSION);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(API_PACKAGES_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement extension = processingEnv.getElementUtils().getTypeElement(EXTENSION);
        if (extension != null) {
            for (Element element : round.getElementsAnnotatedWith(extension)) {
                if (element instanceof TypeElement type) {
                    String provider = processingEnv.getElementUtils().getBinaryName(type).toString();
                    check.services(type, extension).forEach(service -> services.add(service, provider, type));
                }
            }
        }
        if (round.processingOver()) {
            for (String problem : services.write()) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, problem);
            }
        }
        return false; // other processors may read @Extension too
    }
}
