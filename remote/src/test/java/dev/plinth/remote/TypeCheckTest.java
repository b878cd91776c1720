package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.api.Probe;
import com.acme.api.Store;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What may cross is decided at load, and a refusal names the method, the member and the reason. */
class TypeCheckTest {
    /** Holds anything: the receiver could not know what to build. */
    public static final class Holder {
        private Object value;
    }

    /** A thread is not a value. */
    public static final class Job {
        private String name;
        private Thread worker;
    }

    /** A lambda in a field. */
    public static final class Callback {
        private Supplier<String> supplier;
    }

    /** Open to subclasses. */
    public static class Base {
        private int id;
    }

    /** Final, but inherits fields from a mutable hierarchy. */
    public static final class Derived extends Base {
        private int extra;
    }

    /** Wraps a JDK class that has no codec. */
    public static final class Localized {
        private List<Locale> locales;
    }

    interface HolderApi {
        Holder get();
    }

    interface JobApi {
        void run(List<Job> jobs);
    }

    interface CallbackApi {
        Callback callback();
    }

    interface BaseApi {
        Base base();
    }

    interface DerivedApi {
        Derived derived();
    }

    interface LocalizedApi {
        Localized localized();
    }

    interface GenericApi<T> {
        T value();
    }

    @Test
    void valueClassesRecordsAndJdkValuesAreAdmitted() {
        assertThatCode(() -> TypeCheck.check(Store.class)).doesNotThrowAnyException();
        assertThatCode(() -> TypeCheck.check(Probe.class)).doesNotThrowAnyException();
    }

    @Test
    void eachRefusalNamesTheMemberAndTheReason() {
        String holder = TypeCheckTest.class.getName() + "$Holder";
        assertThatThrownBy(() -> TypeCheck.check(HolderApi.class)).hasMessageStartingWith(
                TypeCheckTest.class.getName() + "$HolderApi.get(): return type " + holder + " cannot cross a process"
                + " boundary: field " + holder + ".value (java.lang.Object): java.lang.Object does not say what to"
                + " build (supported: ");
        assertThatThrownBy(() -> TypeCheck.check(JobApi.class)).hasMessageContaining(": field "
                + TypeCheckTest.class.getName() + "$Job.worker (java.lang.Thread): java.lang.Thread is not final");
        assertThatThrownBy(() -> TypeCheck.check(CallbackApi.class)).hasMessageContaining("$Callback.supplier"
                + " (java.util.function.Supplier<java.lang.String>): java.util.function.Supplier<java.lang.String>:"
                + " only List, Set, Map and Optional may have type arguments");
        assertThatThrownBy(() -> TypeCheck.check(BaseApi.class)).hasMessageContaining("cannot cross a process"
                + " boundary: " + TypeCheckTest.class.getName() + "$Base is not final");
        assertThatThrownBy(() -> TypeCheck.check(DerivedApi.class)).hasMessageContaining("$Derived extends "
                + TypeCheckTest.class.getName() + "$Base; a value class crosses by its own fields and must extend"
                + " java.lang.Object");
        assertThatThrownBy(() -> TypeCheck.check(LocalizedApi.class)).hasMessageContaining("$Localized.locales"
                + " (java.util.List<java.util.Locale>): java.util.Locale is a JDK class that plinth-remote has no"
                + " codec for");
        assertThatThrownBy(() -> TypeCheck.check(GenericApi.class)).hasMessageContaining("return type T cannot"
                + " cross a process boundary: T is a type variable or wildcard, which does not say what to build");
    }
}
