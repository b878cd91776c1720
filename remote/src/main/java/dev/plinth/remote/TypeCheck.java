package dev.plinth.remote;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, before any call, whether every method of an extension interface can cross a process boundary.
 *
 * <p>Supported types are listed in {@link #SUPPORTED}; {@code void} is allowed as a return type. Raw or wildcard
 * collections, type variables, arrays other than {@code byte[]}, interfaces and non-final classes are not: the
 * receiving side could not know which class to build.
 */
final class TypeCheck {
    static final String SUPPORTED = "supported: null, primitives and their boxes, String, byte[], enums, records,"
            + " List/Set/Map/Optional of supported types, final classes with a public constructor or static of"
            + " factory matching their getters";

    private static final Set<Class<?>> SCALARS = Set.of(boolean.class, byte.class, short.class, char.class,
            int.class, long.class, float.class, double.class, Boolean.class, Byte.class, Short.class,
            Character.class, Integer.class, Long.class, Float.class, Double.class, String.class, byte[].class);
    private static final Set<Class<?>> CONTAINERS = Set.of(List.class, Set.class, Map.class, Optional.class);

    private TypeCheck() {
    }

    /** Throws {@link IllegalArgumentException} naming the first method and type that cannot cross. */
    static void check(Class<?> iface) {
        if (!iface.isInterface()) {
            throw new IllegalArgumentException(iface.getName() + ": not an interface");
        }
        Method[] methods = iface.getMethods();
        Arrays.sort(methods, (a, b) -> signature(a).compareTo(signature(b)));
        for (Method m : methods) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            for (Type p : m.getGenericParameterTypes()) {
                reject(m, "parameter", p);
            }
            if (m.getReturnType() != void.class) {
                reject(m, "return", m.getGenericReturnType());
            }
        }
    }

    /** {@code com.acme.api.Filter.apply(java.lang.String)}. */
    static String signature(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName() + Arrays.stream(m.getGenericParameterTypes())
                .map(Type::getTypeName).collect(Collectors.joining(", ", "(", ")"));
    }

    private static void reject(Method m, String role, Type type) {
        Type bad = firstUnsupported(type, new HashSet<>());
        if (bad != null) {
            String inner = bad.equals(type) ? "" : " because of " + bad.getTypeName();
            if (bad instanceof Class<?> c && Modifier.isFinal(c.getModifiers()) && !c.isArray()) {
                inner += ": " + shapeProblem(c); // meant as a value class, probably: say what is missing
            }
            throw new IllegalArgumentException(signature(m) + ": " + role + " type " + type.getTypeName()
                    + " cannot cross a process boundary" + inner + " (" + SUPPORTED + ")");
        }
    }

    private static String shapeProblem(Class<?> c) {
        try {
            Shape.of(c);
            return c.getName() + " has components that cannot cross";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The innermost type that cannot cross, or null when all of {@code type} can. */
    private static Type firstUnsupported(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            if (!CONTAINERS.contains(p.getRawType())) {
                return type;
            }
            for (Type arg : p.getActualTypeArguments()) {
                Type bad = firstUnsupported(arg, seen);
                if (bad != null) {
                    return bad;
                }
            }
            return null;
        }
        if (!(type instanceof Class<?> c) || c == void.class || CONTAINERS.contains(c)) {
            return type; // type variables, wildcards, generic arrays, raw collections
        }
        if (SCALARS.contains(c) || c.isEnum() || !seen.add(c)) {
            return null;
        }
        Shape shape;
        try {
            shape = Shape.of(c);
        } catch (IllegalArgumentException e) {
            return type;
        }
        for (Type component : shape.componentTypes) {
            Type bad = firstUnsupported(component, seen);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }
}
