package dev.plinth.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Checks one {@code @Extension} class the way ServiceLoader (and Plinth's {@code entry-point} check) will, and
 * names the interfaces it provides. Every problem is a compile error at the class, in the form
 * {@code @Extension com.acme.Upper: problem; fix}.
 */
final class ExtensionCheck {
    private final Messager messager;
    private final Elements elements;
    private final Types types;
    private final ApiPackages apiPackages;

    ExtensionCheck(ProcessingEnvironment env, ApiPackages apiPackages) {
        this.messager = env.getMessager();
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.apiPackages = apiPackages;
    }

    /** The binary names of the interfaces the class provides; empty after reporting an error. */
    List<String> services(TypeElement type, TypeElement extension) {
        String subject = "@Extension " + elements.getBinaryName(type) + ": ";
        List<String> errors = new ArrayList<>();
        if (type.getKind().isInterface()) {
            errors.add("is an " + (type.getKind() == ElementKind.ANNOTATION_TYPE ? "annotation type" : "interface")
                    + "; annotate the class that implements it");
        }
        Optional<Element> hidden = notPublic(type);
        hidden.ifPresent(e -> errors.add(e == type ? "is not public; declare it public, ServiceLoader instantiates"
                + " only public classes" : "is nested in " + elements.getBinaryName((TypeElement) e)
                + ", which is not public; declare that class public too"));
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
                && !type.getKind().isInterface()) {
            errors.add("is an inner class; ServiceLoader has no enclosing instance to create it with: declare it"
                    + " static, or make it a top-level class");
        } else if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            errors.add("is a local class; ServiceLoader cannot name it: make it a top-level class");
        }
        Optional<ExecutableElement> factory = providerMethod(type);
        if (factory.isEmpty() && !type.getKind().isInterface()) {
            if (type.getModifiers().contains(Modifier.ABSTRACT)) {
                errors.add("is abstract; annotate a concrete subclass, or add a public static provider() method");
            } else if (!hasPublicNoArgConstructor(type) && !defaultConstructorOfNonPublicClass(type)) {
                errors.add("has no public no-arg constructor or public static provider() method; add one of them");
            }
        }
        TypeMirror provided = factory.map(ExecutableElement::getReturnType).orElse(type.asType());
        List<String> services = new ArrayList<>();
        List<TypeElement> named = named(type, extension);
        if (named.isEmpty()) {
            List<TypeElement> implemented = implemented(type);
            implemented.forEach(i -> services.add(elements.getBinaryName(i).toString()));
            if (implemented.isEmpty() && !type.getKind().isInterface()) {
                errors.add("implements no interface " + apiPackages.describe() + "; implement the host's"
                        + " extension interface, or name it: @Extension(Filter.class)");
            }
        }
        for (TypeElement service : named) {
            String name = elements.getBinaryName(service).toString();
            if (!service.getKind().isInterface()) {
                errors.add("names " + name + ", which is not an interface; name the extension interface");
            } else if (!types.isAssignable(types.erasure(provided), types.erasure(service.asType()))) {
                errors.add((factory.isPresent() ? "provider() returns " + types.erasure(provided) + ", which"
                        : "") + " does not implement " + name + ", which @Extension names; implement it, or remove"
                        + " it from @Extension");
            } else {
                services.add(name);
            }
        }
        for (String error : errors) {
            messager.printMessage(Diagnostic.Kind.ERROR, subject + error.strip(), type);
        }
        return errors.isEmpty() ? services : List.of();
    }

    /** The class itself or the first enclosing class that is not public. */
    private static Optional<Element> notPublic(TypeElement type) {
        for (Element e = type; e != null && (e.getKind().isClass() || e.getKind().isInterface());
             e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<ExecutableElement> providerMethod(TypeElement type) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals("provider") && m.getParameters().isEmpty()
                        && m.getModifiers().containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC))
                        && m.getReturnType().getKind() == TypeKind.DECLARED)
                .findFirst();
    }

    private static boolean hasPublicNoArgConstructor(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    }

    /** An implicit constructor becomes public with its class: "not public" already says what to change. */
    private boolean defaultConstructorOfNonPublicClass(TypeElement type) {
        return !type.getModifiers().contains(Modifier.PUBLIC) && ElementFilter.constructorsIn(
                type.getEnclosedElements()).stream().anyMatch(c -> elements.getOrigin(c) == Elements.Origin.MANDATED);
    }

    /** The interfaces {@code value()} names explicitly; unresolvable ones are left to javac's own error. */
    private List<TypeElement> named(TypeElement type, TypeElement extension) {
        List<TypeElement> named = new ArrayList<>();
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            if (!types.isSameType(mirror.getAnnotationType(), extension.asType())) {
                continue;
            }
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                    : mirror.getElementValues().entrySet()) {
                if (e.getKey().getSimpleName().contentEquals("value")
                        && e.getValue().getValue() instanceof List<?> values) {
                    for (Object value : values) {
                        if (value instanceof AnnotationValue av && av.getValue() instanceof DeclaredType declared) {
                            named.add((TypeElement) declared.asElement());
                        }
                    }
                }
            }
        }
        return named;
    }

    /** Interfaces in the {@code implements} clauses of the class and its superclasses, filtered by package. */
    private List<TypeElement> implemented(TypeElement type) {
        Set<TypeElement> found = new LinkedHashSet<>();
        for (TypeElement c = type; c != null; c = superclass(c)) {
            for (TypeMirror i : c.getInterfaces()) {
                TypeElement element = (TypeElement) types.asElement(i);
                if (element != null && apiPackages.allows(elements.getPackageOf(element).getQualifiedName()
                        .toString())) {
                    found.add(element);
                }
            }
        }
        return List.copyOf(found);
    }

    private TypeElement superclass(TypeElement c) {
        TypeMirror parent = c.getSuperclass();
        return parent.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(parent) : null;
    }
}
