package dev.plinth.runtime;

import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.Location;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Creates one ServiceLoader-style provider inside a plugin: checks the class before initialising it, then runs its
 * static initializer and constructor (or {@code provider()} method) as separate, named steps.
 */
final class Instantiator {
    private static final String STATIC_INIT_FIX = "move I/O and other fallible work out of static initializers into"
            + " Plugin.start(PluginContext), where failures and time-outs are contained";

    private final PluginRecord record;

    Instantiator(PluginRecord record) {
        this.record = record;
    }

    <T> T create(String provider, Class<T> service, String servicesFile) throws StartFailure {
        Location where = Location.type(record.path, provider);
        Class<?> type = load(provider, service, servicesFile, where);
        Method factory = providerMethod(type, service);
        if (factory == null) {
            check(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers())
                    && !type.isInterface(), service, provider + " is not a public concrete class", where);
            check(hasPublicNoArgConstructor(type), service, provider + " has no public no-argument constructor",
                    where);
        }
        initialize(type, where);
        record.phase = new Phase(provider, factory == null ? "constructor" : "provider()");
        try {
            Object instance = factory == null ? type.getConstructor().newInstance() : factory.invoke(null);
            if (instance == null) {
                throw failure(FindingCode.ENTRY_POINT, where.member("provider()"), service.getName() + ": provider "
                        + provider + ".provider() returned null", "return an instance from provider()", null);
            }
            return service.cast(instance);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw failure(FindingCode.START_FAILED, where, provider + "." + (factory == null ? "<init>()"
                    : "provider()") + " threw " + cause, "fix the constructor; do fallible work in"
                    + " Plugin.start(PluginContext)", cause);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw failure(FindingCode.ENTRY_POINT, where, service.getName() + ": provider " + provider
                    + " cannot be instantiated (" + e + ")", "give it a public no-argument constructor", e);
        } finally {
            record.phase = Phase.NONE;
        }
    }

    private Class<?> load(String provider, Class<?> service, String servicesFile, Location where)
            throws StartFailure {
        Class<?> type;
        try {
            type = Class.forName(provider, false, record.loader);
        } catch (ClassNotFoundException e) {
            throw failure(FindingCode.ENTRY_POINT, Location.entry(record.path, servicesFile), service.getName()
                    + ": provider " + provider + " not found", "correct the class name in " + servicesFile, e);
        } catch (LinkageError e) {
            throw linkFailure(provider, where, e);
        }
        if (!service.isAssignableFrom(type)) {
            throw failure(FindingCode.ENTRY_POINT, where, service.getName() + ": provider " + provider
                    + " (loader " + record.loaderName() + ") does not implement " + service.getName() + " (loader "
                    + service.getClassLoader().getName() + ")", "implement the host's " + service.getName()
                    + " or remove the line from " + servicesFile, null);
        }
        return type;
    }

    private void initialize(Class<?> type, Location where) throws StartFailure {
        record.phase = new Phase(type.getName(), "static initializer");
        record.codeMayRun();
        try {
            Class.forName(type.getName(), true, record.loader);
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw failure(FindingCode.STATIC_INIT_FAILED, where.member("<clinit>"), type.getName()
                    + ": static initializer threw " + cause, STATIC_INIT_FIX, cause);
        } catch (LinkageError e) {
            throw linkFailure(type.getName(), where, e);
        } catch (Error e) { // not wrapped by the JVM: e.g. an AssertionError or OutOfMemoryError
            throw failure(FindingCode.STATIC_INIT_FAILED, where.member("<clinit>"), type.getName()
                    + ": static initializer threw " + e, STATIC_INIT_FIX, e);
        } catch (ClassNotFoundException e) {
            throw failure(FindingCode.ENTRY_POINT, where, type.getName() + ": vanished while loading", "", e);
        } finally {
            record.phase = Phase.NONE;
        }
    }

    private StartFailure linkFailure(String type, Location where, LinkageError e) {
        if (e instanceof UnsupportedClassVersionError) {
            return failure(FindingCode.CLASS_VERSION, where, type + ": " + e.getMessage(),
                    "compile the plugin for the host's Java release", e);
        }
        if (e instanceof NoClassDefFoundError && String.valueOf(e.getMessage()).startsWith("Could not initialize")) {
            return failure(FindingCode.STATIC_INIT_FAILED, where, type + ": " + e.getMessage(), STATIC_INIT_FIX, e);
        }
        return failure(FindingCode.UNRESOLVED_REFERENCE, where, type + ": failed to link in " + record.loaderName()
                + ": " + e, "bundle the missing classes in the plugin jar or build against the host's API;"
                + " 'plinth doctor' lists every unresolved reference", e);
    }

    private Method providerMethod(Class<?> type, Class<?> service) {
        // a class whose file names no 'provider' and whose superclass is Object has none (static methods of
        // interfaces are not inherited); asking reflection resolved every method of every provider at start
        if (type.getSuperclass() == Object.class && !record.mayDeclareProviderMethod.contains(type.getName())) {
            return null;
        }
        try {
            Method m = type.getMethod("provider");
            int mods = m.getModifiers();
            return Modifier.isStatic(mods) && service.isAssignableFrom(m.getReturnType()) ? m : null;
        } catch (NoSuchMethodException | LinkageError e) {
            return null;
        }
    }

    private static boolean hasPublicNoArgConstructor(Class<?> type) {
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private void check(boolean ok, Class<?> service, String problem, Location where) throws StartFailure {
        if (!ok) {
            throw failure(FindingCode.ENTRY_POINT, where, service.getName() + ": provider " + problem,
                    "make the provider a public, non-abstract class with a public no-argument constructor", null);
        }
    }

    StartFailure failure(FindingCode code, Location where, String message, String fix, Throwable cause) {
        return new StartFailure(Finding.error(code, record.id(), where, message, fix), cause);
    }
}
