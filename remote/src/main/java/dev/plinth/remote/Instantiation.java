package dev.plinth.remote;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

/**
 * Makes instances of value classes without running their constructors, as Java serialization and Objenesis do:
 * through {@code sun.reflect.ReflectionFactory} (module {@code jdk.unsupported}), found reflectively so that this
 * module still loads on a runtime without it; there, a class's own constructor without parameters is used.
 */
final class Instantiation {
    private static final Object FACTORY;
    private static final Method FOR_SERIALIZATION;

    static {
        Object factory = null;
        Method forSerialization = null;
        try {
            Class<?> type = Class.forName("sun.reflect.ReflectionFactory");
            factory = type.getMethod("getReflectionFactory").invoke(null);
            forSerialization = type.getMethod("newConstructorForSerialization", Class.class, Constructor.class);
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            factory = null; // a runtime without jdk.unsupported: blank() falls back to a constructor of the class
        }
        FACTORY = factory;
        FOR_SERIALIZATION = forSerialization;
    }

    private Instantiation() {
    }

    /** A constructor without parameters that makes a blank {@code type}, or null when there is none. */
    static Constructor<?> blank(Class<?> type) {
        if (FACTORY != null) {
            try {
                Constructor<?> c = (Constructor<?>) FOR_SERIALIZATION.invoke(FACTORY, type,
                        Object.class.getDeclaredConstructor());
                if (c != null && c.trySetAccessible()) {
                    return c;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall back to the class's own constructor below
            }
        }
        try {
            Constructor<?> own = type.getDeclaredConstructor();
            return own.trySetAccessible() ? own : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
