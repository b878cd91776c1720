package dev.plinth.remote;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;

/**
 * How a record or a final value class is taken apart and rebuilt.
 *
 * <p>A record crosses by its components and is rebuilt with its canonical constructor, so its own checks run. A
 * value class crosses by its fields, the way Kryo's field serializer does it: every instance field that is not
 * {@code transient}, in the order of their names, is read on the sender and set on the receiver in an instance made
 * without running any constructor of the class (a serialization constructor that runs only {@code Object()}). It
 * qualifies when it is public and final, extends {@code Object}, is not an inner class and this module may access
 * its fields (it is not in a named module that keeps its package closed). Nothing is ever built for a class that
 * the called method's signature does not name (see {@link Codec}).
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

    final Class<?> type;
    /** {@code component com.acme.Point.x} or {@code field com.acme.Response.body}: for messages. */
    final String[] names;
    final Type[] componentTypes;
    private final Method[] accessors; // a record's; null for a value class
    private final Field[] fields; // a value class's; null for a record
    private final Constructor<?> constructor; // canonical for a record, else one that runs no code of the class

    private Shape(Class<?> type, String[] names, Type[] componentTypes, Method[] accessors, Field[] fields,
                  Constructor<?> constructor) {
        this.type = type;
        this.names = names;
        this.componentTypes = componentTypes;
        this.accessors = accessors;
        this.fields = fields;
        this.constructor = constructor;
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
        Object[] out = new Object[componentTypes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = accessors != null ? accessors[i].invoke(value) : fields[i].get(value);
        }
        return out;
    }

    /** A new instance from decoded components; throws {@link IllegalStateException} when the type rejects them. */
    Object create(Object[] args) throws ReflectiveOperationException {
        try {
            if (accessors != null) {
                return constructor.newInstance(args);
            }
            Object made = constructor.newInstance();
            for (int i = 0; i < fields.length; i++) {
                fields[i].set(made, args[i]);
            }
            return made;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type.getName() + ": rejected the received components: "
                    + e.getCause(), e.getCause());
        }
    }

    private static Shape inspect(Class<?> type) {
        String name = type.getName();
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException(name + " is not public");
        }
        if (type.isRecord()) {
            return record(type);
        }
        if (type.isInterface()) {
            throw new IllegalArgumentException(name + " is an interface, so the receiver cannot know what to build");
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(name + " is abstract, so the receiver cannot know what to build");
        }
        if (!Modifier.isFinal(type.getModifiers())) {
            throw new IllegalArgumentException(name + " is not final: a subclass would arrive as " + name);
        }
        if (type.isArray() || type.isPrimitive() || type.isEnum() || type.isSynthetic() || type.isHidden()) {
            throw new IllegalArgumentException(name + " is not a value class");
        }
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.")) {
            throw new IllegalArgumentException(name + " is a JDK class that plinth-remote has no codec for");
        }
        if (type.getSuperclass() != Object.class) {
            throw new IllegalArgumentException(name + " extends " + type.getSuperclass().getName()
                    + "; a value class crosses by its own fields and must extend java.lang.Object");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new IllegalArgumentException(name + " is an inner class; make it static");
        }
        Field[] fields = Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
                .sorted(Comparator.comparing(Field::getName)).toArray(Field[]::new);
        for (Field f : fields) {
            if (!f.trySetAccessible()) {
                throw new IllegalArgumentException("field " + name + "." + f.getName() + " is not accessible to"
                        + " plinth-remote; open its package to it");
            }
        }
        Constructor<?> blank = Instantiation.blank(type);
        if (blank == null) {
            throw new IllegalArgumentException(name + " cannot be made without running a constructor: this JVM"
                    + " has no sun.reflect.ReflectionFactory (module jdk.unsupported) and " + name
                    + " no constructor without parameters");
        }
        return new Shape(type, Arrays.stream(fields).map(f -> "field " + name + "." + f.getName())
                .toArray(String[]::new), Arrays.stream(fields).map(Field::getGenericType).toArray(Type[]::new),
                null, fields, blank);
    }

    private static Shape record(Class<?> type) {
        RecordComponent[] rc = type.getRecordComponents();
        Class<?>[] raw = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Method[] accessors = Arrays.stream(rc).map(RecordComponent::getAccessor).toArray(Method[]::new);
        Constructor<?> canonical;
        try {
            canonical = type.getDeclaredConstructor(raw);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
        }
        if (!canonical.trySetAccessible() || !Arrays.stream(accessors).allMatch(Method::trySetAccessible)) {
            throw new IllegalArgumentException(type.getName() + ": its constructor or accessors are not accessible"
                    + " to plinth-remote; open its package to it");
        }
        return new Shape(type, Arrays.stream(rc).map(c -> "component " + type.getName() + "." + c.getName())
                .toArray(String[]::new), Arrays.stream(rc).map(RecordComponent::getGenericType).toArray(Type[]::new),
                accessors, null, canonical);
    }
}
