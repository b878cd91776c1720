package dev.plinth.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an extension of a host interface, so that Plinth's annotation processor writes its
 * {@code META-INF/services} entry and checks, at compile time, that the class can be instantiated.
 *
 * <p>Retained in class files so that {@code plinth doctor} can report an annotated class missing from the
 * services files.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Extension {

    /**
     * The extension interfaces this class provides; empty means every interface it implements that lies in a host
     * API package.
     */
    Class<?>[] value() default {};

    /** Ordering among the extensions of one interface: lower first; ties are broken by plugin id. */
    int ordinal() default 0;
}
