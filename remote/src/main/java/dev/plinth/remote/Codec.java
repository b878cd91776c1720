package dev.plinth.remote;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The value format: one tag byte, then the value, written and read against the declared type of the parameter or
 * return value. <b>The signature is the schema</b>: the reader builds only what the declared type names,
 * transitively through generic arguments, record components and fields, so a peer can never make it build a class
 * the method does not mention; a tag or class name that does not fit the declared type is a malformed message.
 * {@link TypeCheck} admits the declared types at load.
 *
 * <p>Enums and records/value classes still carry their class name, which the reader compares with the declared
 * class and never resolves. Received lists are {@link ArrayList}s, sets {@link LinkedHashSet}s and maps
 * {@link LinkedHashMap}s, in the sender's iteration order; they may hold null. No Java serialization is involved.
 *
 * <h2>Errors</h2>
 * Writing throws {@link IllegalArgumentException} for a value that does not fit its declared type (a raw list
 * holding a stranger) or exceeds a limit; reading throws {@link IllegalStateException} (or a JDK
 * {@code RuntimeException} from a JDK value that refuses its fields) for a malformed message. Both enforce
 * {@link Limits#MAX_DEPTH} and {@link Limits#MAX_VALUES}.
 */
final class Codec {
    static final byte NULL = 0;
    static final byte TRUE = 1;
    static final byte FALSE = 2;
    static final byte BYTE = 3;
    static final byte SHORT = 4;
    static final byte CHAR = 5;
    static final byte INT = 6;
    static final byte LONG = 7;
    static final byte FLOAT = 8;
    static final byte DOUBLE = 9;
    static final byte STRING = 10;
    static final byte BYTES = 11;
    static final byte ENUM = 12;
    static final byte OBJECT = 13;
    static final byte LIST = 14;
    static final byte SET = 15;
    static final byte MAP = 16;
    static final byte EMPTY = 17;
    static final byte PRESENT = 18;
    static final byte ARRAY = 19;
    static final byte VALUE = 20;
    private static final String[] TAGS = {"NULL", "TRUE", "FALSE", "BYTE", "SHORT", "CHAR", "INT", "LONG", "FLOAT",
        "DOUBLE", "STRING", "BYTES", "ENUM", "OBJECT", "LIST", "SET", "MAP", "EMPTY", "PRESENT", "ARRAY", "VALUE"};

    private Codec() {
    }

    /** Writes {@code v} as a {@code type}; throws {@link IllegalArgumentException} when it does not fit. */
    static void write(Out out, Object v, Type type) {
        write(out, v, type, 1);
    }

    /** Reads a {@code type}; throws {@link IllegalStateException} for a malformed or unexpected value. */
    static Object read(In in, Type type) {
        return read(in, type, 1);
    }

    private static void write(Out out, Object v, Type type, int depth) {
        if (depth > Limits.MAX_DEPTH) {
            throw new IllegalArgumentException("value: nested deeper than the limit of " + Limits.MAX_DEPTH);
        }
        Class<?> raw = raw(type);
        out.countValue();
        if (v == null) {
            if (raw.isPrimitive() && raw != void.class) {
                throw new IllegalArgumentException("value: null where " + raw.getName() + " is declared");
            }
            out.writeByte(NULL);
            return;
        }
        Class<?> boxed = box(raw);
        if (!boxed.isInstance(v)) { // records and value classes are final: an instance is of the declared class
            throw new IllegalArgumentException("value: a " + v.getClass().getName() + " where "
                    + type.getTypeName() + " is declared");
        }
        if (Scalars.write(out, boxed, v)) {
            return;
        } else if (raw == String.class) {
            out.writeByte(STRING);
            out.writeString((String) v);
        } else if (raw == byte[].class) {
            out.writeByte(BYTES);
            out.writeBytes((byte[]) v);
        } else if (raw.isArray()) {
            writeArray(out, v, type, depth);
        } else if (raw.isEnum()) {
            out.writeByte(ENUM);
            out.writeString(raw.getName());
            out.writeString(((Enum<?>) v).name());
        } else if (raw == List.class || raw == Set.class) {
            out.writeByte(raw == List.class ? LIST : SET);
            Collection<?> c = (Collection<?>) v;
            out.writeInt(c.size());
            Type element = argument(type, 0);
            for (Object e : c) {
                write(out, e, element, depth + 1);
            }
        } else if (raw == Map.class) {
            Map<?, ?> m = (Map<?, ?>) v;
            out.writeByte(MAP);
            out.writeInt(m.size());
            Type key = argument(type, 0);
            Type value = argument(type, 1);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(out, e.getKey(), key, depth + 1);
                write(out, e.getValue(), value, depth + 1);
            }
        } else if (raw == Optional.class) {
            Optional<?> o = (Optional<?>) v;
            out.writeByte(o.isPresent() ? PRESENT : EMPTY);
            if (o.isPresent()) {
                write(out, o.get(), argument(type, 0), depth + 1);
            }
        } else if (JdkValues.handles(raw)) {
            out.writeByte(VALUE);
            JdkValues.write(out, raw, v);
        } else {
            writeObject(out, v, raw, depth);
        }
    }

    private static void writeArray(Out out, Object array, Type type, int depth) {
        int n = Array.getLength(array);
        out.writeByte(ARRAY);
        out.writeInt(n);
        Class<?> component = raw(type).getComponentType();
        if (component.isPrimitive()) {
            Scalars.writeElements(out, component, array, n);
            return;
        }
        Type element = type instanceof GenericArrayType g ? g.getGenericComponentType() : component;
        for (int i = 0; i < n; i++) {
            write(out, Array.get(array, i), element, depth + 1);
        }
    }

    private static void writeObject(Out out, Object v, Class<?> type, int depth) {
        Shape shape = Shape.of(type);
        Object[] components;
        try {
            components = shape.components(v);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + ": cannot read its components: " + e, e);
        }
        out.writeByte(OBJECT);
        out.writeString(type.getName());
        out.writeInt(components.length);
        for (int i = 0; i < components.length; i++) {
            write(out, components[i], shape.componentTypes[i], depth + 1);
        }
    }

    private static Object read(In in, Type type, int depth) {
        if (depth > Limits.MAX_DEPTH) {
            throw new IllegalStateException("value: nested deeper than the limit of " + Limits.MAX_DEPTH);
        }
        Class<?> raw = raw(type);
        byte tag = in.readByte();
        in.countValue();
        if (tag == NULL) {
            if (raw.isPrimitive() && raw != void.class) {
                throw new IllegalStateException("value: null where " + raw.getName() + " is declared");
            }
            return null;
        }
        if (raw == void.class) {
            expect(tag, NULL, type);
        }
        Class<?> boxed = box(raw);
        if (Scalars.isScalar(boxed)) {
            return Scalars.read(in, tag, boxed, type);
        } else if (raw == String.class) {
            expect(tag, STRING, type);
            return in.readString();
        } else if (raw == byte[].class) {
            expect(tag, BYTES, type);
            return in.readBytes();
        } else if (raw.isArray()) {
            expect(tag, ARRAY, type);
            return readArray(in, type, depth);
        } else if (raw.isEnum()) {
            expect(tag, ENUM, type);
            return readEnum(in, raw);
        } else if (raw == List.class || raw == Set.class) {
            expect(tag, raw == List.class ? LIST : SET, type);
            Collection<Object> into = raw == List.class ? new ArrayList<>() : new LinkedHashSet<>();
            Type element = argument(type, 0);
            for (int i = in.readCount("collection", 1); i > 0; i--) {
                into.add(read(in, element, depth + 1));
            }
            return into;
        } else if (raw == Map.class) {
            expect(tag, MAP, type);
            Map<Object, Object> m = new LinkedHashMap<>();
            Type key = argument(type, 0);
            Type value = argument(type, 1);
            for (int i = in.readCount("map", 2); i > 0; i--) {
                Object k = read(in, key, depth + 1);
                m.put(k, read(in, value, depth + 1));
            }
            return m;
        } else if (raw == Optional.class) {
            if (tag == EMPTY) {
                return Optional.empty();
            }
            expect(tag, PRESENT, type);
            return Optional.ofNullable(read(in, argument(type, 0), depth + 1));
        } else if (JdkValues.handles(raw)) {
            expect(tag, VALUE, type);
            return JdkValues.read(in, raw);
        }
        expect(tag, OBJECT, type);
        return readObject(in, raw, depth);
    }

    private static Object readArray(In in, Type type, int depth) {
        Class<?> component = raw(type).getComponentType();
        if (component.isPrimitive()) {
            return Scalars.readElements(in, component);
        }
        int n = in.readCount("array", 1);
        Object array = Array.newInstance(component, n);
        Type element = type instanceof GenericArrayType g ? g.getGenericComponentType() : component;
        for (int i = 0; i < n; i++) {
            Array.set(array, i, read(in, element, depth + 1));
        }
        return array;
    }

    private static Object readEnum(In in, Class<?> type) {
        String name = in.readName();
        if (!name.equals(type.getName())) {
            throw new IllegalStateException("value: enum " + name + " where " + type.getName() + " is declared");
        }
        String constant = in.readName();
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(constant)) {
                return c;
            }
        }
        throw new IllegalStateException(type.getName() + ": no constant " + constant + "; do both sides use the"
                + " same host API?");
    }

    private static Object readObject(In in, Class<?> type, int depth) {
        String name = in.readName();
        if (!name.equals(type.getName())) {
            throw new IllegalStateException("value: class " + name + " where " + type.getName() + " is declared");
        }
        Shape shape = Shape.of(type);
        int n = in.readInt();
        if (n != shape.componentTypes.length) {
            throw new IllegalStateException(type.getName() + ": " + n + " components received, "
                    + shape.componentTypes.length + " expected; do both sides use the same host API?");
        }
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            args[i] = read(in, shape.componentTypes[i], depth + 1);
        }
        try {
            return shape.create(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + ": cannot rebuild: " + e, e);
        }
    }

    static void expect(byte tag, byte expected, Type type) {
        if (tag != expected) {
            String name = tag >= 0 && tag < TAGS.length ? TAGS[tag] : "unknown tag " + tag;
            throw new IllegalStateException("value: " + name + " where " + type.getTypeName() + " is declared");
        }
    }

    /** The class a declared type stands for; throws for a type variable or wildcard, which never crosses. */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return raw(g.getGenericComponentType()).arrayType();
        }
        throw new IllegalArgumentException(type.getTypeName() + ": a type variable or wildcard cannot cross");
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalArgumentException(type.getTypeName() + ": a raw collection cannot cross");
    }

    private static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? Scalars.box(type) : type;
    }
}
