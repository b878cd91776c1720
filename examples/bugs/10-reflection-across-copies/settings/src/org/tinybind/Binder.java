package org.tinybind;

/**
 * A small binding library the plugin bundles. Like JAXB, Jackson's type-id resolution, Hibernate or Log4j, it finds
 * classes by name through the thread context class loader, since it cannot know which loader holds them.
 */
public final class Binder {
    private Binder() {
    }

    /** A new instance of the named class, looked up through the thread context class loader. */
    public static Object create(String className) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className, true, tccl).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("tinybind: cannot create " + className, e);
        }
    }
}
