package dev.plinth.remote;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * How a record or a final value class is taken apart and rebuilt: its getters in the order of the parameters of
 * its canonical constructor, public constructor or static {@code of} factory.
 *
 * <p>A value class qualifies when it is public and final and some public constructor or {@code public static of}
 * factory has, for each parameter, a public getter of the same type: named after the parameter ({@code name()},
 * {@code getName()} or {@code isName()}) when the class was compiled with {@code -parameters}, otherwise the only
 * getter of that type. The candidate with the most parameters wins.
 */
final class Shape {
    private static final ClassValue<Object> CACHE = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            try {
                return inspect(type);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
    };

    private static final Set<String> OBJECT_METHODS = Set.of("hashCode", "toString", "getClass");

    final Class<?> type;
    final Method[] getters;
    final Type[] componentTypes;
    private final Executable factory;

    private Shape(Class<?> type, Method[] getters, Type[] componentTypes, Executable factory) {
        this.type = type;
        this.getters = getters;
        this.componentTypes = componentTypes;
        this.factory = factory;
    }

    /** The shape of {@code type}; throws {@link IllegalArgumentException} naming why it has none. */
    static Shape of(Class<?> type) {
        Object found = CACHE.get(type);
        if (found instanceof Shape shape) {
            return shape;
        }
        throw new IllegalArgumentException((String) found);
    }

    Object[] components(Object value) throws ReflectiveOperationException {
        Object[] out = new Object[getters.length];
        for (int i = 0; i < getters.length; i++) {
            out[i] = getters[i].invoke(value);
        }
        return out;
    }

    Object create(Object[] args) throws ReflectiveOperationException {
        if (args.length != getters.length) {
            throw new IllegalStateException(type.getName() + ": " + args.length + " components received, "
                    + getters.length + " expected; do both sides use the same host API?");
        }
        try {
            return factory instanceof Constructor<?> c ? c.newInstance(args) : ((Method) factory).invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(type.getName() + ": rejected the received components: "
                    + e.getCause(), e.getCause());
        }
    }

    private static Shape inspect(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " is not public");
        }
        if (type.isRecord()) {
            RecordComponent[] rc = type.getRecordComponents();
            Class<?>[] raw = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return new Shape(type, Arrays.stream(rc).map(RecordComponent::getAccessor).toArray(Method[]::new),
                        Arrays.stream(rc).map(RecordComponent::getGenericType).toArray(Type[]::new),
                        type.getConstructor(raw));
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type.getName() + " has no public canonical constructor", e);
            }
        }
        if (!Modifier.isFinal(type.getModifiers()) || type.isInterface() || type.isArray() || type.isEnum()) {
            throw new IllegalArgumentException(type.getName() + " is not a final class");
        }
        List<Executable> candidates = new ArrayList<>(Arrays.asList(type.getConstructors()));
        for (Method m : type.getMethods()) {
            if (m.getName().equals("of") && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type) {
                candidates.add(m);
            }
        }
        candidates.sort(Comparator.comparingInt(Executable::getParameterCount).reversed());
        for (Executable candidate : candidates) {
            Method[] getters = match(type, candidate);
            if (getters != null) {
                return new Shape(type, getters, candidate.getGenericParameterTypes(), candidate);
            }
        }
        throw new IllegalArgumentException(type.getName()
                + " has no public constructor or static of factory whose parameters match its getters");
    }

    private static Method[] match(Class<?> type, Executable candidate) {
        List<Method> getters = Arrays.stream(type.getMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && m.getReturnType() != void.class && !OBJECT_METHODS.contains(m.getName()))
                .toList();
        Parameter[] params = candidate.getParameters();
        Method[] out = new Method[params.length];
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            List<Method> sameType = getters.stream().filter(g -> g.getReturnType() == p.getType()).toList();
            List<Method> found = p.isNamePresent() ? sameType.stream().filter(g -> named(g, p.getName())).toList()
                    : sameType;
            if (found.size() != 1 || Arrays.asList(out).contains(found.get(0))) {
                return null;
            }
            out[i] = found.get(0);
        }
        return out;
    }

    private static boolean named(Method getter, String property) {
        String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        String n = getter.getName();
        return n.equals(property) || n.equals("get" + cap) || n.equals("is" + cap);
    }
}
