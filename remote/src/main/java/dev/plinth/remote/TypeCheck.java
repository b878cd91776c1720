package dev.plinth.remote;

import java.lang.reflect.GenericArrayType;
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
 * Decides, before any call, whether every method of an extension interface can cross a process boundary; the
 * types it admits are the only ones {@link Codec} ever builds for that method.
 *
 * <p>Supported types are listed in {@link #SUPPORTED}; {@code void} is allowed as a return type. Refused, with the
 * reason: raw or wildcard collections and type variables (the receiver could not know what to build), interfaces,
 * abstract and non-final classes (a subclass would arrive as its declared class), {@code Object}, JDK classes
 * without a codec ({@code Thread}, {@code InputStream}, {@code Locale}, ...), and value classes with a field of such
 * a type, which the message names.
 */
final class TypeCheck {
    static final String SUPPORTED = "supported: null, primitives and their boxes, String, arrays, enums, records,"
            + " public final classes of supported fields, List/Set/Map/Optional of supported types, java.time values,"
            + " BigDecimal, BigInteger, UUID";

    private static final Set<Class<?>> CONTAINERS = Set.of(List.class, Set.class, Map.class, Optional.class);

    private TypeCheck() {
    }

    /** Throws {@link IllegalArgumentException} naming the first method, type and member that cannot cross. */
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
        String problem = problem(type, new HashSet<>());
        if (problem != null) {
            throw new IllegalArgumentException(signature(m) + ": " + role + " type " + type.getTypeName()
                    + " cannot cross a process boundary: " + problem + " (" + SUPPORTED + ")");
        }
    }

    /** Why {@code type} cannot cross, naming the innermost type or member at fault; null when it can. */
    private static String problem(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            if (!CONTAINERS.contains(p.getRawType())) {
                return type.getTypeName() + ": only List, Set, Map and Optional may have type arguments";
            }
            for (Type arg : p.getActualTypeArguments()) {
                String bad = problem(arg, seen);
                if (bad != null) {
                    return bad;
                }
            }
            return null;
        }
        if (type instanceof GenericArrayType g) {
            return problem(g.getGenericComponentType(), seen);
        }
        if (!(type instanceof Class<?> c)) {
            return type.getTypeName() + " is a type variable or wildcard, which does not say what to build";
        }
        if (c == Object.class) {
            return "java.lang.Object does not say what to build";
        }
        if (c == void.class) {
            return "void is only a return type";
        }
        if (CONTAINERS.contains(c)) {
            return c.getName() + " is raw, which does not say what its elements are";
        }
        if (c.isArray()) {
            return problem(c.getComponentType(), seen);
        }
        if (c.isPrimitive() || c == String.class || Scalars.isScalar(c) || c.isEnum() || JdkValues.handles(c)
                || !seen.add(c)) {
            return null;
        }
        Shape shape;
        try {
            shape = Shape.of(c);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        for (int i = 0; i < shape.componentTypes.length; i++) {
            String bad = problem(shape.componentTypes[i], seen);
            if (bad != null) {
                return shape.names[i] + " (" + shape.componentTypes[i].getTypeName() + "): " + bad;
            }
        }
        return null;
    }
}
