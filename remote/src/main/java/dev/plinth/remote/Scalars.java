package dev.plinth.remote;

import java.lang.reflect.Type;
import java.util.Map;

/** The primitives and their boxes in {@link Codec}'s format, one by one and as arrays of primitives. */
final class Scalars {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, byte.class,
            Byte.class, short.class, Short.class, char.class, Character.class, int.class, Integer.class, long.class,
            Long.class, float.class, Float.class, double.class, Double.class, void.class, Void.class);
    /** Bytes per element of an array of each primitive. */
    private static final Map<Class<?>, Integer> SIZES = Map.of(boolean.class, 1, byte.class, 1, short.class, 2,
            char.class, 2, int.class, 4, long.class, 8, float.class, 4, double.class, 8);

    private Scalars() {
    }

    static Class<?> box(Class<?> primitive) {
        return BOXES.get(primitive);
    }

    /** Whether {@code boxed} is one of the eight boxes. */
    static boolean isScalar(Class<?> boxed) {
        return boxed != Void.class && BOXES.containsValue(boxed);
    }

    /** Writes {@code v} when {@code boxed} is a box, with its tag; false when it is not a scalar. */
    static boolean write(Out out, Class<?> boxed, Object v) {
        if (boxed == Integer.class) {
            out.writeByte(Codec.INT);
            out.writeInt((Integer) v);
        } else if (boxed == Long.class) {
            out.writeByte(Codec.LONG);
            out.writeLong((Long) v);
        } else if (boxed == Boolean.class) {
            out.writeByte((Boolean) v ? Codec.TRUE : Codec.FALSE);
        } else if (boxed == Double.class) {
            out.writeByte(Codec.DOUBLE);
            out.writeLong(Double.doubleToRawLongBits((Double) v));
        } else if (boxed == Float.class) {
            out.writeByte(Codec.FLOAT);
            out.writeInt(Float.floatToRawIntBits((Float) v));
        } else if (boxed == Byte.class) {
            out.writeByte(Codec.BYTE);
            out.writeByte((Byte) v);
        } else if (boxed == Short.class) {
            out.writeByte(Codec.SHORT);
            out.writeShort((Short) v);
        } else if (boxed == Character.class) {
            out.writeByte(Codec.CHAR);
            out.writeShort((Character) v);
        } else {
            return false;
        }
        return true;
    }

    /** Reads a {@code boxed} whose tag was {@code tag}; throws {@link IllegalStateException} for another tag. */
    static Object read(In in, byte tag, Class<?> boxed, Type declared) {
        if (boxed == Boolean.class) {
            if (tag != Codec.TRUE && tag != Codec.FALSE) {
                Codec.expect(tag, Codec.TRUE, declared);
            }
            return tag == Codec.TRUE;
        }
        if (boxed == Integer.class) {
            Codec.expect(tag, Codec.INT, declared);
            return in.readInt();
        } else if (boxed == Long.class) {
            Codec.expect(tag, Codec.LONG, declared);
            return in.readLong();
        } else if (boxed == Double.class) {
            Codec.expect(tag, Codec.DOUBLE, declared);
            return Double.longBitsToDouble(in.readLong());
        } else if (boxed == Float.class) {
            Codec.expect(tag, Codec.FLOAT, declared);
            return Float.intBitsToFloat(in.readInt());
        } else if (boxed == Byte.class) {
            Codec.expect(tag, Codec.BYTE, declared);
            return in.readByte();
        } else if (boxed == Short.class) {
            Codec.expect(tag, Codec.SHORT, declared);
            return in.readShort();
        }
        Codec.expect(tag, Codec.CHAR, declared);
        return (char) in.readShort();
    }

    /** The {@code n} elements of an array of {@code component}, a primitive other than {@code byte}. */
    static void writeElements(Out out, Class<?> component, Object array, int n) {
        for (int i = 0; i < n; i++) {
            if (component == int.class) {
                out.writeInt(((int[]) array)[i]);
            } else if (component == long.class) {
                out.writeLong(((long[]) array)[i]);
            } else if (component == double.class) {
                out.writeLong(Double.doubleToRawLongBits(((double[]) array)[i]));
            } else if (component == float.class) {
                out.writeInt(Float.floatToRawIntBits(((float[]) array)[i]));
            } else if (component == short.class) {
                out.writeShort(((short[]) array)[i]);
            } else if (component == char.class) {
                out.writeShort(((char[]) array)[i]);
            } else {
                out.writeBoolean(((boolean[]) array)[i]);
            }
        }
    }

    /** An array of {@code component} as {@link #writeElements} wrote it, its length first. */
    static Object readElements(In in, Class<?> component) {
        int n = in.readCount("array", SIZES.get(component));
        if (component == int.class) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = in.readInt();
            }
            return a;
        } else if (component == long.class) {
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = in.readLong();
            }
            return a;
        } else if (component == double.class) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = Double.longBitsToDouble(in.readLong());
            }
            return a;
        } else if (component == float.class) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = Float.intBitsToFloat(in.readInt());
            }
            return a;
        } else if (component == short.class) {
            short[] a = new short[n];
            for (int i = 0; i < n; i++) {
                a[i] = in.readShort();
            }
            return a;
        } else if (component == char.class) {
            char[] a = new char[n];
            for (int i = 0; i < n; i++) {
                a[i] = (char) in.readShort();
            }
            return a;
        }
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readBoolean();
        }
        return a;
    }
}
