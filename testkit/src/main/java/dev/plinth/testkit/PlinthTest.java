package dev.plinth.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the class with the plugin under test loaded into a fresh, started {@code PluginHost}; declare a
 * {@link Plinth} parameter to reach it.
 *
 * <pre>{@code
 * @PlinthTest
 * class UpperTest {
 *     @Test
 *     void upperCases(Plinth plinth) {
 *         assertThat(plinth.findings()).isEmpty();
 *         assertThat(plinth.extension(Filter.class).apply("a")).isEqualTo("A");
 *     }
 * }
 * }</pre>
 *
 * For settings only code can give, register a {@link PlinthExtension} with {@code @RegisterExtension} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PlinthExtension.class)
public @interface PlinthTest {

    /** The host's API packages; empty means those named by {@code Plinth-Shared-Packages} on the class path. */
    String[] sharedPackages() default {};

    /** The plugin's class directory, relative to the working directory; ignored when {@link #jar} is set. */
    String classes() default "target/classes";

    /** A built plugin jar to load instead of the class directory, e.g. {@code target/upper-1.0.jar}. */
    String jar() default "";

    /** The plugin id when the classes carry no manifest; empty means the working directory's name. */
    String pluginId() default "";

    /** The plugin's configuration, as {@code key=value} entries. */
    String[] configuration() default {};
}
