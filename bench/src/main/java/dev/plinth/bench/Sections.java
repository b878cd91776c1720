package dev.plinth.bench;

import java.util.Locale;
import java.util.Map;

/** The method and detail sections of {@code docs/benchmarks.md}: how each figure was made and what limits it. */
final class Sections {
    private Sections() {
    }

    static void calls(StringBuilder b, CallScenario.Results c) {
        double direct = c.ns("directTrivial");
        double slot = c.ns("partsSlotOnly") - direct;
        double tccl = c.ns("partsTcclOnly") - direct;
        double handle = c.ns("plinthTrivial") - direct;
        double[] parallelTccl = c.parallel().get("partsTcclOnly");
        double[] parallelDirect = c.parallel().get("directTrivial");
        b.append("## Call overhead\n\n")
                .append("JMH 1.37, `CallBenchmark`: one fork per benchmark (`-Xms512m -Xmx512m`), 3 × 1 s warm-up, 5 ×"
                        + " 1 s measurement, average time per call, result into a `Blackhole`. One plugin jar, loaded"
                        + " three ways in the same JVM: **direct** — the extension class loaded by a plain"
                        + " `URLClassLoader` and called through the interface (the limit); **Plinth** — the handle"
                        + " from `host.extensions(...)` of a host that opts into"
                        + " `skipContextLoaderSwitchWhenProven()`, for a plugin verification proved never to consult"
                        + " the TCCL: one volatile read of the instance, the call (`plinthTrivialSwitched`: the"
                        + " default, a host with the TCCL set to the plugin's loader for the call and restored after;"
                        + " `plinthTrivialSameLoader`: that handle called from a thread whose TCCL already is the"
                        + " plugin's, so neither store is made); **PF4J** — `DefaultPluginManager` over a real"
                        + " PF4J jar (`Plugin-Id`/`Plugin-Version`, `META-INF/extensions.idx`, `@Extension`);"
                        + " `getExtensions` hands out the plugin's own instance, so a PF4J call *is* a direct call"
                        + " (and does not set the TCCL). `parts*` rebuild the handle's two halves by hand around the"
                        + " direct instance. The last column repeats three benchmarks on the Parallel collector.\n\n")
                .append("| benchmark | ns/op (G1) | bytes/op | ns/op (Parallel GC) |\n|---|---:|---:|---:|\n");
        c.details().forEach(l -> b.append(l).append('\n'));
        b.append('\n').append("What costs what (trivial body, G1):\n\n")
                .append(String.format(Locale.ROOT, "- **Slot read + checkcast: %+.2f ns.** One volatile load of"
                        + " the `CallTarget` (a plain load on x86), a field load and a type check; in the noise.%n",
                        slot))
                .append(String.format(Locale.ROOT, "- **TCCL switch: %+.2f ns** (Parallel GC: %s). Per call,"
                        + " `Thread.getContextClassLoader()` plus two `setContextClassLoader` calls: each reads"
                        + " `System.getSecurityManager()` (a volatile static) and stores a reference into the"
                        + " current `Thread` object. Under G1 each reference store runs the post-write barrier: the"
                        + " `Thread` and the loader sit in different regions and the thread's card is not young, so"
                        + " the barrier executes a StoreLoad fence (`lock addl` on x86) before it re-checks the"
                        + " card — two fences per call. The Parallel collector's barrier is a plain card store, and"
                        + " there the same switch costs next to nothing: the fences are the cost. The setup runs a"
                        + " full GC so the benchmark thread is old, as a host's long-lived threads are; a `Thread`"
                        + " still in the young generation skips the fence (an earlier run of this harness without"
                        + " that GC measured 2.0 ns for the switch and 2.6 ns for the handle against 0.48 ns"
                        + " direct).%n",
                        tccl, parallelTccl == null || parallelDirect == null ? Row.NONE
                                : String.format(Locale.ROOT, "%+.2f ns", parallelTccl[0] - parallelDirect[0])))
                .append(String.format(Locale.ROOT, "- **The whole handle: %+.2f ns** over direct for the proven"
                        + " plugin with the skip on; %s with the TCCL set on every call (`plinthTrivialSwitched`)."
                        + " The handle allocates nothing (bytes/op above).%n%n", handle,
                        c.g1Has("plinthTrivialSwitched") ? String.format(Locale.ROOT, "%+.2f ns",
                                c.ns("plinthTrivialSwitched") - direct) : Row.NONE))
                .append("Profiling: `-prof perfasm` needs `hsdis` (not installed) and `perf` cannot read hardware"
                        + " counters in this container, so the attribution comes from the generated bytecode"
                        + " (`HandleClassWriter`: `enter()`, `currentThread`, `getContextClassLoader`, two"
                        + " `setContextClassLoader`, `invokeinterface`), the `parts*` benchmarks that isolate each"
                        + " half, and the collector swap that removes the fence and with it the cost.\n\n")
                .append("So a body of one addition meets the ≤ 1.2× target only for a proven plugin of a host that"
                        + " opts into the skip; by default every call sets the TCCL (a fixed ~")
                .append(Row.format(tccl)).append(" ns against a sub-nanosecond call). The skip is off by default:"
                        + " host code a plugin reaches through JDK types would see the caller's loader (see"
                        + " docs/runtime.md, Calls and handles). For a body that does real work the fixed cost is a"
                        + " fraction of the call: see the upper-case rows.\n\n");
    }

    static void load(StringBuilder b, LoadScenario.Results l) {
        b.append("## Load\n\n")
                .append("N generated plugin jars (20 classes each: two extensions, `IntOp` and `TextFilter`, and"
                        + " eighteen helper classes with fields, collections and string work; the same class bytes"
                        + " in every jar, each jar its own manifest and so its own sha256). One fresh JVM per"
                        + " system and N (`-Xms1g -Xmx2g`, logging at WARN for both), three runs, the median run"
                        + " shown. Timed: from nothing to every `TextFilter` extension called once — Plinth:"
                        + " `build()`, `start()` (read, sha256, verify, shadow copy, loader, start), `extensions()`;"
                        + " PF4J: `loadPlugins()`, `startPlugins()`, `getExtensions()`. Then, in the same JVM, the"
                        + " host is closed and the same directory loaded again. Before the timed Plinth children, two"
                        + " untimed children load the directory with a verification cache and a kept shadow store,"
                        + " 2 s apart, as earlier starts on the machine would (the second records the stamps of the"
                        + " jars and their copies, which a store records only for files changed 2 s before or"
                        + " more). **First start**: verification cache off and"
                        + " `shadowCache(false)`, so every jar is verified and copied into the temporary work"
                        + " directory (what every start cost before shadow copies were kept). **Verified, cold**:"
                        + " the verification cache is off, so every load verifies every plugin (the second load"
                        + " re-verifies everything, faster only because the JIT is warm and the runtime's own"
                        + " classes are loaded), but the shadow copies the untimed children kept are reused, known"
                        + " by their stamps. **Warm cache**: a restart with unchanged jars: the same cache, so the"
                        + " verifier runs on no plugin; each entry is still checked against the host's answers (see"
                        + " docs/runtime.md). **Unverified**: verification off, kept copies.\n\n")
                .append("| N | Plinth, first start (ms) | Plinth, verified, cold (ms) | Plinth, warm cache (ms)"
                        + " | Plinth, unverified (ms)"
                        + " | PF4J (ms) | second load, cold: Plinth / PF4J (ms) | close all: Plinth / PF4J (ms)"
                        + " | classes loaded:"
                        + " Plinth / PF4J |\n"
                        + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int n : l.sizes()) {
            b.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s / %s | %s / %s | %.0f / %.0f |%n",
                    n, Row.format(l.get("plinth-first", n, "loadMs")), Row.format(l.get("plinth", n, "loadMs")),
                    Row.format(l.get("plinth-cached", n, "loadMs")),
                    Row.format(l.get("plinth-noverify", n, "loadMs")),
                    Row.format(l.get("pf4j", n, "loadMs")), Row.format(l.get("plinth", n, "secondLoadMs")),
                    Row.format(l.get("pf4j", n, "secondLoadMs")), Row.format(l.get("plinth", n, "closeMs")),
                    Row.format(l.get("pf4j", n, "closeMs")), l.get("plinth", n, "classesDelta"),
                    l.get("pf4j", n, "classesDelta")));
        }
        int n = l.largest();
        b.append(String.format(Locale.ROOT, "%nWith dependencies, N = %d: the same plugins, each in a package of its"
                + " own, where `p0000` is a base every other plugin depends on and the rest form chains of %d (each"
                + " depends on the one before it), declared as `Plugin-Dependencies: p0000@>=1.0.0, p0004@>=1.0.0`"
                + " for both systems: Plinth %s ms (resolving the graph, verifying each plugin against its"
                + " dependencies' jars, starting level by level), PF4J %s ms.%n", n, PluginJars.CHAIN,
                Row.format(l.get("plinth-deps", n, "loadMs")), Row.format(l.get("pf4j-deps", n, "loadMs"))));
        b.append("\nWhat limits Plinth here (async-profiler CPU and wall-clock profiles of these children, JFR"
                + " compilation events): cold, verification runs at the verifier's rate (see Verification"
                + " throughput), about 20 classes × N, spread over `startThreads` threads. A restart with unchanged"
                + " jars hashes no jar: the kept shadow store knows each jar and its copy by stamp (size, times,"
                + " inode), each copy is read as an outline (descriptor, services and the providers' class files;"
                + " the other class entries listed by name), and with a cache its entry is found by its key and"
                + " checked against the host's answers (not the JDK's `java.*` classes: the key names the JDK"
                + " build). What remains over PF4J is per-plugin work PF4J does not do — the outline read of each"
                + " jar before its class loader opens it again, a cache entry read and parsed, the entry-point"
                + " checks before each provider's initialiser, a start thread per plugin — and, at small N,"
                + " Plinth's own classes, which a fresh JVM loads and links (the classes-loaded column). Both"
                + " runtimes are CPU-bound on the 2 cores: in one N = 1000 child with verification off the JIT"
                + " compilers took 3.6 s of CPU (C2 2.5 s, C1 1.1 s), the start threads 1.6 s and discovery 1.0 s,"
                + " so each task PF4J does not have costs wall time whatever thread runs it (starting the start"
                + " threads from the threads whose start ended, instead of all from the caller's, was tried and"
                + " gave nothing). Closing reads every thread's stack per retired plugin (call drain, leaked-thread"
                + " scan); `close()` retires a few plugins at a time to keep that linear in N (`close all`"
                + " column).\n");
        b.append("\nWhat the start-up changes since `01a05d7` gave, measured apart from this run (median load + start"
                + " of alternating `LoadChild` runs in one sitting, the runtime and verify jars of `01a05d7` against"
                + " those of `f9cce29`, PF4J beside them): N = 10, verification off 394 → 283 ms and warm cache"
                + " 493 → 292 ms (PF4J 210 ms); N = 100, 822 → 592 and 1,037 → 774 ms (PF4J 480 ms); N = 1000,"
                + " 3,756 → 3,459 and 4,278 → 3,905 ms (PF4J 2,701 ms). The changes: jars and their kept copies"
                + " trusted by stamp instead of hashed twice per start; the temporary work directory named without"
                + " `SecureRandom` (seeding it took 25 ms); no verifier built when verification is off; string"
                + " concatenation compiled to `StringBuilder` calls (`-XDstringConcat=inline`: each invokedynamic"
                + " concatenation linked a call site on first use); loops instead of streams and lambdas on the"
                + " start path; no ordinal parse and no `provider()` lookup by reflection for providers whose class"
                + " files cannot have them; and a verification cache that names plinth-verify's jar by stamp,"
                + " does not read the JDK's `java.*` classes again, hashes with its own SHA-256 (no JCA provider"
                + " set-up, about 30 ms), checks entries by CRC-32 and marks an entry used once a day, not at"
                + " every hit.\n");
        b.append("\n### Memory per plugin\n\n")
                .append("In the same child JVMs, with the plugins loaded and called: full GCs until the used heap"
                        + " settles, then heap used and the `Metaspace` pool's used bytes, minus the same figures"
                        + " taken before loading. Divided by N, this includes each runtime's own classes and fixed"
                        + " state; the marginal figure (difference between the two largest N) does not.\n\n")
                .append("| per plugin | Plinth | PF4J |\n|---|---:|---:|\n");
        for (String key : new String[] {"heapDelta", "metaspaceDelta"}) {
            String what = key.startsWith("heap") ? "heap" : "metaspace";
            b.append(String.format(Locale.ROOT, "| %s at N = %d, delta / N | %s KiB | %s KiB |%n", what, n,
                    Row.format(l.perPlugin("plinth", n, key)), Row.format(l.perPlugin("pf4j", n, key))));
            b.append(String.format(Locale.ROOT, "| %s, marginal | %s KiB | %s KiB |%n", what,
                    Row.format(l.marginal("plinth", key)), Row.format(l.marginal("pf4j", key))));
        }
        b.append('\n');
    }

    static void verify(StringBuilder b, Map<String, String> v, int maxJars) {
        b.append("## Verification throughput\n\n")
                .append("The corpus: every `*.jar` under `~/.m2/repository` except `-sources` and `-javadoc` jars,"
                        + " sorted by path and sampled evenly down to ").append(maxJars).append(" jars. Each is read"
                        + " with `PluginArchive.read` and verified with `Verifier.forHost(HostApi.of(List.of(),"
                        + " List.of()))` — against the JDK alone; findings are counted, not judged (a library's"
                        + " own dependencies are absent). Reading and verifying are timed as separate phases, the"
                        + " jars spread over a fixed thread pool; classes counted are every class entry verified."
                        + " Three passes in one fresh JVM: cold, warm, warm on one thread.\n\n")
                .append("| pass | threads | classes | read (ms) | verify (ms) | classes/s, verify | classes/s, read +"
                        + " verify | findings |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String pass : new String[] {"cold", "warm", "warm1"}) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", pass,
                    pass.equals("warm1") ? "1" : v.get("threads"), v.get(pass + ".classes"),
                    Row.format(Double.parseDouble(v.get(pass + ".readMs"))),
                    Row.format(Double.parseDouble(v.get(pass + ".verifyMs"))),
                    Row.format(VerifyScenario.rate(v, pass)), Row.format(VerifyScenario.rateWithReading(v, pass)),
                    v.get(pass + ".findings")));
        }
        b.append("\nWhere the time goes (JFR execution samples of the warm single-thread pass over the 300 jars):"
                + " each jar's class files are parsed once, with one shared instance per name and descriptor across"
                + " the jar's classes, so the lookups by name that follow reuse hash codes and compare references;"
                + " linkage outcomes that do not depend on the referring class are remembered per symbol; the calls"
                + " that may end the JVM or create threads are picked out in one walk shared by `SystemExitCheck`"
                + " and `ThreadLeakCheck`. Together with less bookkeeping in the parser, that took the warm"
                + " single-thread pass from about 22,000–25,000 to 27,000–30,000 classes/s (same sitting, same"
                + " 300 jars, identical findings). Of the samples inside `Verifier.verify`, parsing is now about"
                + " 48 % (ASM's `ClassReader` about 40 %, nearly half of that reading and sharing constant-pool"
                + " strings), resolving references in `LinkageCheck` 27 %, `StaticInitCheck` 5 %, the exit and thread"
                + " checks with their shared walk 5 %, grouping the linkage report 3 %. The parser is the floor:"
                + " reaching 50,000 needs a cheaper read of the code than ASM's full instruction visit (only the"
                + " constant pool and the invoke, field and type instructions matter here). Checking linkage of"
                + " reachable methods only would not help on this corpus: no sampled jar has an entry point (none"
                + " lists a Plinth service), so each is analysed whole. On a 2-core machine shared with other"
                + " builds, two threads gain little or nothing over one."
                + "\n\n");
    }

    static void reload(StringBuilder b, Map<String, String> r) {
        b.append("## Reload\n\n")
                .append("One fresh JVM (`--add-opens java.base/java.lang=ALL-UNNAMED`, so unload runs its full"
                        + " leak scan), one plugin, two jars of it (versions 1.0.0 and 2.0.0, same classes)."
                        + " Two threads call the plugin's `TextFilter` through one held handle without pause and"
                        + " check every answer; the main thread calls `host.reload(id, jar)` alternating the jars."
                        + " `leakCheckTimeout` is 2 s: every reload retires the old generation and proves its"
                        + " loader collected (GC polling), which is the bulk of a reload. "
                        + r.get("cycles") + " timed cycles after " + r.get("warmup") + " warm-up cycles; loaded"
                        + " classes and metaspace are read after full GCs before and after the timed cycles.\n\n")
                .append("\"Until serving\" is the reload time minus `UnloadReport.took()` of the retired"
                        + " generation: reading, verifying and starting the new jar and swapping the slots —"
                        + " when callers see the new version. The retirement (`took()`: drain, `stop`, leak scan,"
                        + " loader close and the collection proof) is reported as one figure: the API does not"
                        + " split the proof out of it.\n\n")
                .append("| figure | value |\n|---|---:|\n");
        String[][] keys = {{"reload p50 / p99 / max, total", "p50Ms", "p99Ms", "maxMs"},
            {"until serving p50 / p99", "servingP50Ms", "servingP99Ms", null},
            {"retirement incl. collection proof p50 / p99", "retireP50Ms", "retireP99Ms", null}};
        for (String[] k : keys) {
            b.append("| ").append(k[0]).append(" | ").append(ms(r, k[1])).append(" / ").append(ms(r, k[2]))
                    .append(k[3] == null ? "" : " / " + ms(r, k[3])).append(" |\n");
        }
        b.append("| calls made / failed | ").append(r.get("calls")).append(" / ").append(r.get("failedCalls"))
                .append(" |\n| reloads refused / old loaders not collected within the leak check / reported leaking | ")
                .append(r.get("notReloaded")).append(" / ").append(r.get("notCollected")).append(" / ")
                .append(r.get("leaks")).append(" |\n| loaded classes before → after | ")
                .append(r.get("classesBefore")).append(" → ").append(r.get("classesAfter"))
                .append(" |\n| metaspace before → after | ").append(mib(r, "metaspaceBefore")).append(" → ")
                .append(mib(r, "metaspaceAfter")).append(" |\n| heap before → after | ").append(mib(r, "heapBefore"))
                .append(" → ").append(mib(r, "heapAfter")).append(" |\n\n");
        b.append("Metaspace is judged apart from classes: when the loaded-class count ends within a plugin"
                + " generation of where it started, metaspace growth is not retained generations. The growth does"
                + " not scale with the number of reloads: `ReloadChild` run directly on the same two jars (`java"
                + " -Xms256m -Xmx512m --add-opens java.base/java.lang=ALL-UNNAMED -cp <bench class path>"
                + " dev.plinth.bench.ReloadChild <jarA> <jarB> <cycles> 10`) grew it by 1.24 MB over 1,000 cycles"
                + " and by 1.21 MB over 3,000, with 13 and 4 more classes loaded. A rise that does not grow with the"
                + " reloads is not retained plugin generations (their classes are gone); what the JVM keeps there"
                + " was not broken down. The ± 1 MiB target is still reported as missed."
                + "\n\n");
        b.append("An old generation still reachable when the 2 s leak check ends, with no holder found by the scan,"
                + " is not reported then: the host watches it in the background (`leakReportAfter`, "
                + ReloadChild.LEAK_REPORT_AFTER_S + " s here) and sends a `LEAK` event only if it is still reachable"
                + " after that. The harness waits for that watch to end before it counts the `LEAK` events. Each"
                + " such reload still waits the full 2 s of the leak check. What holds such a generation is"
                + " compiled code, not a Java reference: heap dumps taken at two late reloads (live, after a full"
                + " GC) show the retired loaders reachable from none of the GC roots a dump lists, and three runs"
                + " with `-XX:-UseTypeProfile` had none late and no `LEAK` (runs with the defaults: 0 to 8 late,"
                + " up to 2 `LEAK`). The callers loop in one method that never returns, and C2 inlines the plugin"
                + " class their calls saw most (from the receiver-type profile) into that method's compiled"
                + " code, which keeps the class, and with it its loader, while it is on the thread's stack; a"
                + " caller that returns between calls, as a request thread does, releases it.\n\n");
        String leak = r.getOrDefault("firstLeakEvent", "none");
        if (!leak.equals("none")) {
            b.append("The first `LEAK` event reported: `").append(leak.replace('_', ' ')).append("`.\n\n");
        }
    }

    private static String ms(Map<String, String> r, String key) {
        return Row.format(Double.parseDouble(r.get(key))) + " ms";
    }

    private static String mib(Map<String, String> r, String key) {
        return Row.format(Memory.mib(Long.parseLong(r.get(key)))) + " MiB";
    }
}
