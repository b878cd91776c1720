package dev.plinth.runtime.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * Not API. Creates extension handles: instances of a class generated once per extension interface that implements
 * the interface by entering the slot, installing the generation's loader as the thread context class loader (unless
 * it already is; not at all when the generation has none, see {@link CallTarget#loader}), calling the plugin's
 * instance and restoring the previous loader. Plain bytecode, no reflection on the call path.
 */
public final class HandleFactory {
    /** The name of the class loaders that define handle classes; stack frames of handles carry it. */
    public static final String LOADER_NAME = "plinth-handles";

    private static final ClassValue<Constructor<?>> HANDLE_CLASSES = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> iface) {
            return defineHandleClass(iface);
        }
    };

    private HandleFactory() {
    }

    /** A handle implementing {@code iface} that calls whatever {@code slot} currently holds. */
    public static <T> T create(Class<T> iface, ExtensionSlot slot) {
        Objects.requireNonNull(iface, "iface == null");
        Objects.requireNonNull(slot, "slot == null");
        try {
            HandleBase handle = (HandleBase) HANDLE_CLASSES.get(iface).newInstance(slot);
            slot.bind(handle);
            return iface.cast(handle);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(iface.getName() + ": cannot create extension handle", e);
        }
    }

    private static Constructor<?> defineHandleClass(Class<?> iface) {
        if (!iface.isInterface() || !Modifier.isPublic(iface.getModifiers())) {
            throw new IllegalArgumentException(iface.getName() + ": extension types must be public interfaces");
        }
        String name = iface.getName() + "$$PlinthHandle";
        byte[] bytes = HandleClassWriter.write(name, iface, implementedMethods(iface));
        HandleLoader loader = new HandleLoader(iface.getClassLoader());
        Module runtime = HandleBase.class.getModule();
        if (runtime.isNamed()) {
            runtime.addExports(HandleBase.class.getPackageName(), loader.getUnnamedModule());
        }
        try {
            return loader.define(name, bytes).getConstructor(ExtensionSlot.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(name + ": generated without its constructor", e);
        }
    }

    private static Method[] implementedMethods(Class<?> iface) {
        return java.util.Arrays.stream(iface.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !isObjectMethod(m))
                .toArray(Method[]::new);
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Defines handle classes next to the interface's loader, seeing Plinth's runtime classes too. */
    private static final class HandleLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        HandleLoader(ClassLoader interfaceLoader) {
            super(LOADER_NAME, interfaceLoader);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(HandleBase.class.getPackageName() + ".")) {
                return HandleBase.class.getClassLoader().loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
