package dev.plinth.runtime;

import java.lang.reflect.Field;

/** Reads the {@code Runnable} a {@code Thread} was created with; needs {@code java.lang} opened to Plinth. */
final class ThreadTasks {
    private ThreadTasks() {
    }

    /** The thread's task, or null when it has none or it cannot be read. */
    static Object taskOf(Thread thread) {
        if (!LeakedRegistrations.canReadJavaLang()) {
            return null;
        }
        try {
            Field target = Thread.class.getDeclaredField("target"); // up to JDK 20
            target.setAccessible(true);
            return target.get(thread);
        } catch (NoSuchFieldException e) {
            return fromHolder(thread); // JDK 21 and later keep it in Thread.holder.task
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object fromHolder(Thread thread) {
        try {
            Field holderField = Thread.class.getDeclaredField("holder");
            holderField.setAccessible(true);
            Object holder = holderField.get(thread);
            Field task = holder.getClass().getDeclaredField("task");
            task.setAccessible(true);
            return task.get(holder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
