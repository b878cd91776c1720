package dev.plinth.remote;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/** Names methods the same way on both sides: {@code name(descriptors)}, e.g. {@code apply(Ljava/lang/String;)}. */
final class Calls {
    /** A method as the child calls it, with the declared types its arguments and result are read and written as. */
    record Target(Method method, Type[] parameters, Type returnType) {
    }

    private static final ClassValue<Map<String, Target>> BY_KEY = new ClassValue<>() {
        @Override
        protected Map<String, Target> computeValue(Class<?> iface) {
            Map<String, Target> m = new HashMap<>();
            for (Method method : iface.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers())) {
                    m.putIfAbsent(key(method), new Target(method, method.getGenericParameterTypes(),
                            method.getGenericReturnType()));
                }
            }
            return Map.copyOf(m);
        }
    };

    private Calls() {
    }

    static String key(Method m) {
        StringBuilder b = new StringBuilder(m.getName()).append('(');
        for (Class<?> p : m.getParameterTypes()) {
            b.append(p.descriptorString());
        }
        return b.append(')').toString();
    }

    /** The method of {@code iface} with this key; throws {@link IllegalStateException} when there is none. */
    static Target method(Class<?> iface, String key) {
        Target m = BY_KEY.get(iface).get(key);
        if (m == null) {
            throw new IllegalStateException(iface.getName() + ": no method " + key + " in the child's host API;"
                    + " do both sides use the same host API?");
        }
        return m;
    }
}
