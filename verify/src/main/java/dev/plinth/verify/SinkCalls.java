package dev.plinth.verify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls of each plugin class that may end the JVM or create threads, by name alone ({@link CallSinks#mayExit},
 * {@link CallSinks#mayCreateThreads}), in code order: found in one walk over the references and shared by the
 * checks that look for either, which then resolve only these few.
 */
final class SinkCalls {
    private final Map<ClassModel, List<ClassModel.Ref>> byClass = new IdentityHashMap<>();

    SinkCalls(Map<String, ClassModel> pluginClasses) {
        for (ClassModel c : pluginClasses.values()) {
            List<ClassModel.Ref> calls = null;
            for (ClassModel.Ref ref : c.refs()) {
                if (ref.kind() == ClassModel.Kind.METHOD && ref.from() != null
                        && (CallSinks.mayExit(ref.name()) || CallSinks.mayCreateThreads(ref.name()))) {
                    if (calls == null) {
                        calls = new ArrayList<>();
                    }
                    calls.add(ref);
                }
            }
            if (calls != null) {
                byClass.put(c, calls);
            }
        }
    }

    /** The candidate calls of one plugin class, in code order; empty when it has none. */
    List<ClassModel.Ref> of(ClassModel c) {
        return byClass.getOrDefault(c, List.of());
    }
}
