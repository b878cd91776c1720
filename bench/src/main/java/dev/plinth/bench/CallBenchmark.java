package dev.plinth.bench;

import dev.plinth.bench.api.IntOp;
import dev.plinth.bench.api.TextFilter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Call overhead: one extension call, made directly on an instance of the plugin's class (loaded by a plain
 * {@code URLClassLoader}: the physical limit), through a Plinth handle (slot read; no TCCL switch, since verification
 * proves the plugin never consults the TCCL), through a handle of a host with verification off ({@code *Switched}:
 * slot read, TCCL set and restored; {@code *SameLoader}: called from a thread whose TCCL already is the plugin's) and
 * through PF4J (which hands out the plugin's own instance). Two bodies: {@code x + 1}, so the call path is all that is
 * measured, and upper-casing a 64-character line. The {@code parts*} benchmarks rebuild the two halves of the
 * switching handle by hand around the direct instance, to show what each costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CallBenchmark {
    /** A 64-character line, lower case, for the filter body. */
    static final String LINE = "the quick brown fox jumps over the lazy dog, then naps at noon..";

    private Peers peers;
    private IntOp direct;
    private IntOp plinth;
    private IntOp pf4j;
    private IntOp switched;
    private TextFilter directFilter;
    private TextFilter plinthFilter;
    private TextFilter pf4jFilter;
    private volatile Generation generation;
    private ClassLoader pluginLoader;
    private int x = 41;
    private String line = LINE;

    /** What a Plinth slot holds: the instance and the loader, read in one volatile read. */
    static final class Generation {
        final Object instance;
        final ClassLoader loader;

        Generation(Object instance, ClassLoader loader) {
            this.instance = instance;
            this.loader = loader;
        }
    }

    /** Loads the plugin three ways; the jars come from {@code -Dplinth.bench.jars} or a fresh temp directory. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        peers = Peers.open();
        direct = peers.direct(IntOp.class);
        directFilter = peers.direct(TextFilter.class);
        plinth = peers.plinth(IntOp.class);
        plinthFilter = peers.plinth(TextFilter.class);
        pf4j = peers.pf4j(IntOp.class);
        switched = peers.plinthSwitched(IntOp.class);
        pf4jFilter = peers.pf4j(TextFilter.class);
        pluginLoader = direct.getClass().getClassLoader();
        generation = new Generation(direct, pluginLoader);
        // Setup runs on the benchmark thread. A full GC moves its Thread object into the old generation, as a host's
        // long-lived threads are; a still-young Thread would let G1's write barrier skip the fence on TCCL stores.
        System.gc();
    }

    /** Closes the hosts and deletes the temporary jars. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        peers.close();
    }

    @Benchmark
    public void directTrivial(Blackhole bh) {
        bh.consume(direct.apply(x));
    }

    @Benchmark
    public void plinthTrivial(Blackhole bh) {
        bh.consume(plinth.apply(x));
    }

    /** The handle of a plugin that keeps the switch: the caller's TCCL is not the plugin's, so both stores run. */
    @Benchmark
    public void plinthTrivialSwitched(Blackhole bh) {
        bh.consume(switched.apply(x));
    }

    /** The same handle called from a thread whose TCCL already is the plugin's: both stores are skipped. */
    @Benchmark
    public void plinthTrivialSameLoader(OnPluginLoader on, Blackhole bh) {
        bh.consume(switched.apply(x));
    }

    /** The benchmark thread with the switched plugin's loader as its TCCL for an iteration. */
    @State(Scope.Thread)
    public static class OnPluginLoader {
        private ClassLoader before;

        /** Installs the plugin's loader. */
        @Setup(Level.Iteration)
        public void enter(CallBenchmark benchmark) {
            before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(((dev.plinth.runtime.internal.HandleBase) benchmark.switched)
                    .plinthSlot().current().loader);
        }

        /** Puts the previous loader back. */
        @TearDown(Level.Iteration)
        public void leave() {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Benchmark
    public void pf4jTrivial(Blackhole bh) {
        bh.consume(pf4j.apply(x));
    }

    @Benchmark
    public void directFilter(Blackhole bh) {
        bh.consume(directFilter.apply(line));
    }

    @Benchmark
    public void plinthFilter(Blackhole bh) {
        bh.consume(plinthFilter.apply(line));
    }

    @Benchmark
    public void pf4jFilter(Blackhole bh) {
        bh.consume(pf4jFilter.apply(line));
    }

    /** The handle's first half alone: one volatile read of the generation and a checkcast, no TCCL switch. */
    @Benchmark
    public void partsSlotOnly(Blackhole bh) {
        bh.consume(((IntOp) generation.instance).apply(x));
    }

    /** The handle's second half alone: the TCCL set and restored around the direct call, as the handle does. */
    @Benchmark
    public void partsTcclOnly(Blackhole bh) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(pluginLoader);
        int result;
        try {
            result = direct.apply(x);
        } finally {
            t.setContextClassLoader(previous);
        }
        bh.consume(result);
    }
}
