package dev.plinth.remote;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Behind each proxy: encodes a call, sends it to whichever child is running, waits for the reply up to the call
 * time-out and turns it into a return value or an exception. {@code equals}, {@code hashCode} and
 * {@code toString} are answered locally.
 */
final class RemoteInvoker implements InvocationHandler {
    private static final Object[] NO_ARGS = {};

    private final Supervisor supervisor;
    private final Class<?> iface;
    private final int index;
    private final Map<Method, CallPlan> plans = new ConcurrentHashMap<>();

    RemoteInvoker(Supervisor supervisor, Class<?> iface, int index) {
        this.supervisor = supervisor;
        this.iface = iface;
        this.index = index;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "remote " + iface.getName() + " #" + index + " of plugin " + supervisor.pluginId;
            };
        }
        Object[] a = args == null ? NO_ARGS : args;
        CallPlan plan = plans.computeIfAbsent(method, m -> new CallPlan(iface, index, m));
        long id = Link.nextId();
        Out frame = Out.frame(Frames.CALL);
        frame.writeLong(id);
        frame.writeRaw(plan.header);
        frame.writeInt(a.length);
        for (int i = 0; i < a.length; i++) {
            try {
                Codec.write(frame, a[i], plan.parameters[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("plugin " + supervisor.pluginId + ": "
                        + plan.signature + ": argument " + i + ": " + e.getMessage(), e);
            }
        }
        if (frame.size() > Frames.MAX_FRAME) {
            throw new IllegalArgumentException("plugin " + supervisor.pluginId + ": " + plan.signature
                    + ": the arguments encode to " + frame.size() + " bytes, more than the " + Frames.MAX_FRAME
                    + " a call may carry");
        }
        Child child = supervisor.awaitChild();
        long timeout = supervisor.options().callTimeout().toMillis();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        Link.Reply r;
        try {
            r = child.link.await(id, child.link.call(id, frame, deadline), deadline);
        } catch (TimeoutException e) {
            String what = plan.signature + " after " + timeout + " ms";
            supervisor.timedOut(child, what);
            throw new RemoteFaultException(supervisor.pluginId, "plugin " + supervisor.pluginId + ": "
                    + plan.signature + ": timed out after " + timeout + " ms; its child JVM (pid "
                    + child.pid() + ") was killed and restarts", -1, true);
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause(); // always a RemoteFaultException from Link.failAll
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFaultException(supervisor.pluginId, "plugin " + supervisor.pluginId + ": "
                    + plan.signature + ": interrupted while waiting for the reply", -1, false);
        }
        return reply(plan, child, r);
    }

    /**
     * The result, or the plugin's exception, read as the method's return type declares. Anything else in the reply
     * is a protocol error: the child is killed and restarted, and this call fails with a
     * {@link RemoteFaultException} saying what was wrong.
     */
    private Object reply(CallPlan plan, Child child, Link.Reply r) {
        Object result = null;
        RemotePluginException thrown = null;
        try {
            if (r.ok()) {
                result = Codec.read(r.in(), plan.returnType);
            } else {
                thrown = Throwables.read(r.in(), supervisor.pluginId, plan.signature);
            }
            r.in().expectEnd("reply");
        } catch (RuntimeException e) {
            String problem = e.getClass() == IllegalStateException.class ? e.getMessage() : e.toString();
            supervisor.protocolError(child, "the reply to " + plan.signature + " broke the protocol: "
                    + problem);
            throw new RemoteFaultException(supervisor.pluginId, "plugin " + supervisor.pluginId + ": "
                    + plan.signature + ": protocol error in the reply: " + problem + "; its child JVM"
                    + " (pid " + child.pid() + ") was killed and restarts", -1, false);
        }
        if (thrown != null) {
            throw thrown;
        }
        return result;
    }
}
