package dev.plinth.verify;

import java.util.List;

/**
 * {@code thread-leak} (a static hint): plugin code that creates threads itself, with {@code new Thread},
 * {@code Thread.start}, {@code Executors.new*}, a {@code ThreadPoolExecutor}, {@code ForkJoinPool} or
 * {@code Timer}. Such threads keep running after the plugin stops, and pin its class loader, unless the plugin
 * stops them; the executors of {@code PluginContext} are stopped by the host. Only code the plugin's entry points
 * reach counts. One finding per class, naming the first site and counting the others.
 */
final class ThreadLeakCheck implements Check {
    @Override
    public void run(ClassSpace classes, List<Finding> findings) {
        Linker linker = new Linker(classes);
        Reachability reach = classes.reachability();
        SinkCalls calls = classes.sinkCalls();
        for (ClassModel c : classes.pluginClasses().values()) {
            ClassModel.Ref first = null;
            String firstOwner = null;
            int sites = 0;
            for (ClassModel.Ref ref : calls.of(c)) {
                if (ref.kind() != ClassModel.Kind.METHOD || ref.from() == null
                        || !CallSinks.mayCreateThreads(ref.name()) || !reach.reaches(c.name(), ref.from())) {
                    continue;
                }
                String owner = linker.declaringClass(ref);
                if (CallSinks.createsThreads(owner, ref.name())) {
                    sites++;
                    if (first == null) {
                        first = ref;
                        firstOwner = owner;
                    }
                }
            }
            if (first != null) {
                String more = sites == 1 ? "" : " (and " + (sites - 1) + " more in " + c.binaryName() + ")";
                findings.add(Finding.warning(FindingCode.THREAD_LEAK, classes.archive().descriptor().id(),
                        Location.type(classes.archive().path(), c.binaryName()).member(first.from()),
                        Names.site(c.name(), first.from()) + ": calls " + Names.method(firstOwner, first.name(),
                                first.descriptor()) + more + "; threads created outside PluginContext.executor()"
                                + " outlive the plugin unless stopped",
                        "run the work on PluginContext.executor() or PluginContext.scheduler(), which the host"
                                + " shuts down after Plugin.stop()"));
            }
        }
    }
}
