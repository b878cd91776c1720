package dev.plinth.remote;

/**
 * Carries a throwable across the boundary as data: class name, message, stack trace and up to
 * {@value Limits#MAX_CAUSES} causes. The receiver never loads the thrown class.
 *
 * <p>The sender cuts what exceeds the limits ({@link Limits#MAX_CAUSES} causes, {@link Limits#MAX_STACK_FRAMES}
 * frames, {@link Limits#MAX_MESSAGE_CHARS} characters of message); the receiver refuses a message that exceeds them
 * with {@link IllegalStateException}, before allocating anything for it.
 */
final class Throwables {
    private Throwables() {
    }

    static void write(Out out, Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth <= Limits.MAX_CAUSES; c = c.getCause() == c ? null : c.getCause()) {
            depth++;
        }
        out.writeInt(depth);
        Throwable c = t;
        for (int i = 0; i < depth; i++, c = c.getCause()) {
            out.writeString(c.getClass().getName());
            String message = c.getMessage();
            if (message != null && message.length() > Limits.MAX_MESSAGE_CHARS) {
                message = message.substring(0, Limits.MAX_MESSAGE_CHARS) + " [cut at " + Limits.MAX_MESSAGE_CHARS
                        + " characters]";
            }
            out.writeString(message);
            StackTraceElement[] stack = c.getStackTrace();
            int frames = Math.min(stack.length, Limits.MAX_STACK_FRAMES);
            out.writeInt(frames);
            for (int j = 0; j < frames; j++) {
                StackTraceElement e = stack[j];
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
        if (depth < 1 || depth > Limits.MAX_CAUSES + 1) {
            throw new IllegalStateException("throwable: " + depth + " causes, out of range 1.."
                    + (Limits.MAX_CAUSES + 1));
        }
        String[] names = new String[depth];
        String[] messages = new String[depth];
        StackTraceElement[][] stacks = new StackTraceElement[depth][];
        int messageBytes = Limits.MAX_MESSAGE_CHARS * 3 + 64; // UTF-8 and the sender's cut marker
        for (int i = 0; i < depth; i++) {
            names[i] = in.readName();
            messages[i] = in.readString("throwable message", messageBytes);
            int frames = in.readCount("stack trace", 16);
            if (frames > Limits.MAX_STACK_FRAMES) {
                throw new IllegalStateException("stack trace: " + frames + " frames, more than the limit of "
                        + Limits.MAX_STACK_FRAMES);
            }
            stacks[i] = new StackTraceElement[frames];
            for (int j = 0; j < frames; j++) {
                stacks[i][j] = new StackTraceElement(in.readName(), in.readName(),
                        in.readString("file name", Limits.MAX_NAME_BYTES), in.readInt());
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
