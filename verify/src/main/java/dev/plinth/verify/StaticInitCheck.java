package dev.plinth.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

/**
 * {@code static-init-io}: follows calls from each plugin {@code <clinit>} through the plugin's own code (breadth
 * first, so the shortest path is reported, at most {@value #MAX_DEPTH} calls deep) and warns when one reaches
 * network, file, JDBC or process I/O, a sleep, a monitor wait or a thread start. Such an initializer runs on first
 * use, on whatever thread touches the class, with no time-out; {@code Plugin.start} has one.
 *
 * <p>Only initializers of classes that the plugin's entry points reach are searched. Calls through plugin
 * interfaces follow the named method only (a default body), not every implementation: the check is a hint, not a
 * proof. Lambda bodies are not followed: an initializer usually only creates the lambda, to run later. One finding
 * per initializer.
 */
final class StaticInitCheck implements Check {
    static final int MAX_DEPTH = 8;
    private static final String CLINIT = "<clinit>()V";

    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        Map<String, ClassModel> plugin = classes.pluginClasses();
        Linker linker = new Linker(classes);
        for (ClassModel c : plugin.values()) {
            if (c.method("<clinit>", "()V").isPresent() && classes.reachability().reaches(c.name(), CLINIT)) {
                search(classes, linker, c).ifPresent(findings::add);
            }
        }
    }

    private static Optional<Finding> search(ClassSpace classes, Linker linker, ClassModel start) {
        Map<String, ClassModel> plugin = classes.pluginClasses();
        Queue<List<String[]>> queue = new ArrayDeque<>();
        Set<String> visited = new HashSet<>();
        queue.add(List.<String[]>of(new String[] {start.name(), CLINIT}));
        visited.add(start.name() + "." + CLINIT);
        while (!queue.isEmpty()) {
            List<String[]> path = queue.remove();
            String[] at = path.get(path.size() - 1);
            for (ClassModel.Ref ref : plugin.get(at[0]).codeOf(at[1])) {
                if (ref.kind() != ClassModel.Kind.METHOD) {
                    continue;
                }
                String owner = linker.declaringClass(ref);
                Optional<String> what = CallSinks.blocking(owner, ref.name());
                if (what.isPresent()) {
                    return Optional.of(finding(classes, start, path, owner, ref, what.get()));
                }
                ClassModel target = plugin.get(owner);
                boolean follow = target != null && !ref.name().startsWith("lambda$")
                        && target.method(ref.name(), ref.descriptor()).isPresent();
                String callee = follow && path.size() < MAX_DEPTH ? ref.name() + ref.descriptor() : null;
                if (callee != null && visited.add(owner + "." + callee)) {
                    List<String[]> next = new ArrayList<>(path);
                    next.add(new String[] {owner, callee});
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    private static Finding finding(ClassSpace classes, ClassModel start, List<String[]> path, String owner,
                                   ClassModel.Ref ref, String what) {
        StringBuilder chain = new StringBuilder();
        for (String[] step : path) {
            chain.append(Names.site(step[0], step[1])).append(" → ");
        }
        chain.append(Names.method(owner, ref.name(), ref.descriptor()));
        return Finding.warning(FindingCode.STATIC_INIT_IO, classes.archive().descriptor().id(),
                Location.type(classes.archive().path(), start.binaryName()).member(CLINIT),
                chain + ": static initializer " + what,
                "move it into Plugin.start(PluginContext), which runs with a time-out and contains failures");
    }
}
