package dev.plinth.remote;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * What the host needs to call one method of one remote extension, worked out once: the encoded header naming the
 * interface, the extension's index and the method ({@link Calls#key}), the declared parameter and return types the
 * codec reads and writes against, and the signature for messages.
 */
final class CallPlan {
    final byte[] header;
    final Type[] parameters;
    final Type returnType;
    final String signature;

    CallPlan(Class<?> iface, int index, Method method) {
        Out h = new Out(64);
        h.writeString(iface.getName());
        h.writeInt(index);
        h.writeString(Calls.key(method));
        this.header = h.body();
        this.parameters = method.getGenericParameterTypes();
        this.returnType = method.getGenericReturnType();
        this.signature = TypeCheck.signature(method);
    }
}
