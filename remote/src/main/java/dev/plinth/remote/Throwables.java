package dev.plinth.remote;

/**
 * Carries a throwable across the boundary as data: class name, message, stack trace and up to
 * {@value #MAX_CAUSES} causes. The receiver never loads the thrown class.
 */
final class Throwables {
    static final int MAX_CAUSES = 8;

    private Throwables() {
    }

    static void write(Out out, Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth <= MAX_CAUSES; c = c.getCause() == c ? null : c.getCause()) {
            depth++;
        }
        out.writeInt(depth);
        Throwable c = t;
        for (int i = 0; i < depth; i++, c = c.getCause()) {
            out.writeString(c.getClass().getName());
            out.writeString(c.getMessage());
            StackTraceElement[] stack = c.getStackTrace();
            out.writeInt(stack.length);
            for (StackTraceElement e : stack) {
                out.writeString(e.getClassName());
                out.writeString(e.getMethodName());
                out.writeString(e.getFileName());
                out.writeInt(e.getLineNumber());
            }
        }
    }

    /** The received chain; the outermost message is {@code plugin <id>: <what> threw <class>: <message>}. */
    static RemotePluginException read(In in, String pluginId, String what) {
        int depth = in.readInt();
        String[] names = new String[depth];
        String[] messages = new String[depth];
        StackTraceElement[][] stacks = new StackTraceElement[depth][];
        for (int i = 0; i < depth; i++) {
            names[i] = in.readString();
            messages[i] = in.readString();
            stacks[i] = new StackTraceElement[in.readInt()];
            for (int j = 0; j < stacks[i].length; j++) {
                stacks[i][j] = new StackTraceElement(in.readString(), in.readString(), in.readString(),
                        in.readInt());
            }
        }
        RemotePluginException built = null;
        for (int i = depth - 1; i >= 0; i--) {
            String thrown = messages[i] == null ? names[i] : names[i] + ": " + messages[i];
            String message = "plugin " + pluginId + ": " + (i == 0 ? what + " threw " : "caused by ") + thrown;
            built = new RemotePluginException(pluginId, message, names[i], messages[i], built);
            built.setStackTrace(stacks[i]);
        }
        return built;
    }
}
