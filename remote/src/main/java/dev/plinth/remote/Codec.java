package dev.plinth.remote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The value format: one tag byte, then the value. Self-describing, so the receiver needs no declared type; enums,
 * records and value classes carry their class name, which the receiver resolves through its host API loader.
 *
 * <p>Received lists are {@link ArrayList}s, sets {@link LinkedHashSet}s and maps {@link LinkedHashMap}s, in the
 * sender's iteration order; they may hold null. No Java serialization is involved.
 */
final class Codec {
    private static final byte NULL = 0;
    private static final byte TRUE = 1;
    private static final byte FALSE = 2;
    private static final byte BYTE = 3;
    private static final byte SHORT = 4;
    private static final byte CHAR = 5;
    private static final byte INT = 6;
    private static final byte LONG = 7;
    private static final byte FLOAT = 8;
    private static final byte DOUBLE = 9;
    private static final byte STRING = 10;
    private static final byte BYTES = 11;
    private static final byte ENUM = 12;
    private static final byte OBJECT = 13;
    private static final byte LIST = 14;
    private static final byte SET = 15;
    private static final byte MAP = 16;
    private static final byte EMPTY = 17;
    private static final byte PRESENT = 18;

    private final ClassLoader loader;
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    /** A codec that resolves received class names through {@code loader}, the one that sees the host API. */
    Codec(ClassLoader loader) {
        this.loader = loader;
    }

    /** Throws {@link IllegalArgumentException} for a value of a type that cannot cross. */
    static void write(Out out, Object v) {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            out.writeString(s);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeInt(Float.floatToRawIntBits(f));
        } else if (v instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (v instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (v instanceof Character c) {
            out.writeByte(CHAR);
            out.writeShort(c);
        } else if (v instanceof byte[] b) {
            out.writeByte(BYTES);
            out.writeBytes(b);
        } else if (v instanceof Enum<?> e) {
            out.writeByte(ENUM);
            out.writeString(e.getDeclaringClass().getName());
            out.writeString(e.name());
        } else if (v instanceof List<?> l) {
            writeAll(out, LIST, l);
        } else if (v instanceof Set<?> s) {
            writeAll(out, SET, s);
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte(MAP);
            out.writeInt(m.size());
            m.forEach((k, val) -> {
                write(out, k);
                write(out, val);
            });
        } else if (v instanceof Optional<?> o) {
            out.writeByte(o.isPresent() ? PRESENT : EMPTY);
            o.ifPresent(x -> write(out, x));
        } else {
            writeObject(out, v);
        }
    }

    private static void writeAll(Out out, byte tag, Collection<?> c) {
        out.writeByte(tag);
        out.writeInt(c.size());
        for (Object e : c) {
            write(out, e);
        }
    }

    private static void writeObject(Out out, Object v) {
        Shape shape = Shape.of(v.getClass());
        Object[] components;
        try {
            components = shape.components(v);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(v.getClass().getName() + ": cannot read its components: " + e, e);
        }
        out.writeByte(OBJECT);
        out.writeString(shape.type.getName());
        out.writeInt(components.length);
        for (Object c : components) {
            write(out, c);
        }
    }

    /** Reads one value; throws {@link IllegalStateException} for a malformed or unresolvable one. */
    Object read(In in) {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case BYTE -> in.readByte();
            case SHORT -> in.readShort();
            case CHAR -> (char) in.readShort();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> Float.intBitsToFloat(in.readInt());
            case DOUBLE -> Double.longBitsToDouble(in.readLong());
            case STRING -> in.readString();
            case BYTES -> in.readBytes();
            case ENUM -> readEnum(in);
            case OBJECT -> readObject(in);
            case LIST -> readAll(in, new ArrayList<>());
            case SET -> readAll(in, new LinkedHashSet<>());
            case MAP -> readMap(in);
            case EMPTY -> Optional.empty();
            case PRESENT -> Optional.ofNullable(read(in));
            default -> throw new IllegalStateException("value: unknown tag " + tag);
        };
    }

    private <C extends Collection<Object>> C readAll(In in, C into) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            into.add(read(in));
        }
        return into;
    }

    private Map<Object, Object> readMap(In in) {
        int n = in.readInt();
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Object k = read(in);
            m.put(k, read(in));
        }
        return m;
    }

    private Object readEnum(In in) {
        Class<?> type = resolve(in.readString());
        String name = in.readString();
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalStateException(type.getName() + ": no constant " + name + "; do both sides use the same"
                + " host API?");
    }

    private Object readObject(In in) {
        Shape shape = Shape.of(resolve(in.readString()));
        Object[] args = new Object[in.readInt()];
        for (int i = 0; i < args.length; i++) {
            args[i] = read(in);
        }
        try {
            return shape.create(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(shape.type.getName() + ": cannot rebuild: " + e, e);
        }
    }

    private Class<?> resolve(String name) {
        return classes.computeIfAbsent(name, n -> {
            try {
                return Class.forName(n, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(n + ": not found by " + loader.getName()
                        + "; is it in the host API on both sides?", e);
            }
        });
    }
}
