package dev.plinth.gallery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** All thirteen scenarios, and their outcomes, each run at most once per JVM so that tests and table share them. */
final class Scenarios {
    static final List<Scenario> ALL = List.of(new ApiVersionSkew(), new SymbolNotFound(), new XIsNotX(),
            new InitPanicked(), new RelativePath(), new OnePluginWins(), new StaleJar(), new NoReload(),
            new WrongPlatform(), new ReflectionAcrossCopies(), new DependencyConflict(), new ToolchainVersion(),
            new LeakedThreads());

    private static final Map<Integer, Outcome> OUTCOMES = new ConcurrentHashMap<>();

    private Scenarios() {
    }

    /** The outcome of scenario {@code number}, run now if it has not run yet in this JVM. */
    static synchronized Outcome outcome(int number) {
        Outcome done = OUTCOMES.get(number);
        if (done != null) {
            return done;
        }
        Scenario s = ALL.stream().filter(x -> x.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + number));
        try (Workspace ws = new Workspace()) {
            Outcome o = s.run(ws);
            OUTCOMES.put(number, o);
            return o;
        } catch (Exception e) {
            throw new IllegalStateException(s.folder() + ": scenario failed", e);
        }
    }
}
