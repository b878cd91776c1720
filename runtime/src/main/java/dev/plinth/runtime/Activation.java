package dev.plinth.runtime;

import dev.plinth.runtime.internal.CallTarget;
import dev.plinth.runtime.internal.ExtensionSlot;
import dev.plinth.runtime.internal.HandleFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Puts a loaded generation of a plugin into service: each extension goes into a slot, reusing the previous
 * generation's slot for the same interface and provider (or the only one of that interface), so handles the host
 * already holds follow the new generation.
 *
 * <p>Two steps, so that a failure cannot leave a generation half in service: {@link #prepare} makes the new slots
 * and handles and may throw, changing nothing; {@link #commit} only writes slots and cannot fail.
 */
final class Activation {
    private final PluginRecord next;
    private final List<PluginRecord.LoadedExtension> activated;
    private final List<PluginRecord.LoadedExtension> gone;

    private Activation(PluginRecord next, List<PluginRecord.LoadedExtension> activated,
                       List<PluginRecord.LoadedExtension> gone) {
        this.next = next;
        this.activated = activated;
        this.gone = gone;
    }

    /** Everything {@code next} needs to replace {@code previous} (null for none); changes nothing. */
    static Activation prepare(PluginRecord next, PluginRecord previous) {
        List<PluginRecord.LoadedExtension> old = previous == null ? List.of() : previous.extensions;
        // identity, not equals: the records hold plugin instances, whose equals is plugin code
        Set<PluginRecord.LoadedExtension> reused = Collections.newSetFromMap(new IdentityHashMap<>());
        List<PluginRecord.LoadedExtension> activated = new ArrayList<>();
        for (PluginRecord.LoadedExtension e : next.extensions) {
            if (e.instance() == null) {
                throw new NullPointerException(e.provider() + ": no instance to serve");
            }
            PluginRecord.LoadedExtension match = match(e, old, next.extensions, reused);
            ExtensionSlot slot = match != null ? match.slot() : new ExtensionSlot(next.id(), e.type().getName());
            Object handle = match != null ? match.handle() : HandleFactory.create(e.type(), slot);
            if (match != null) {
                reused.add(match);
            }
            activated.add(e.activated(slot, handle));
        }
        List<PluginRecord.LoadedExtension> gone = new ArrayList<>();
        for (PluginRecord.LoadedExtension o : old) {
            if (!reused.contains(o)) {
                gone.add(o);
            }
        }
        return new Activation(next, List.copyOf(activated), gone);
    }

    /**
     * Installs the new generation in its slots and retires the previous generation's extensions it no longer
     * provides; returns the targets replaced or retired, which calls in flight may still be using, to be drained.
     */
    List<CallTarget> commit() {
        List<CallTarget> retired = new ArrayList<>();
        for (PluginRecord.LoadedExtension e : activated) {
            CallTarget replaced = e.slot().install(e.instance(), next.contextLoaderOfCalls());
            if (replaced != null) {
                retired.add(replaced);
            }
        }
        for (PluginRecord.LoadedExtension g : gone) {
            CallTarget t = g.slot().retire("plugin " + next.id() + " was reloaded without " + g.provider());
            if (t != null) {
                retired.add(t);
            }
        }
        next.extensions = activated;
        return retired;
    }

    private static PluginRecord.LoadedExtension match(PluginRecord.LoadedExtension e,
                                                      List<PluginRecord.LoadedExtension> old,
                                                      List<PluginRecord.LoadedExtension> all,
                                                      Set<PluginRecord.LoadedExtension> taken) {
        if (old.isEmpty()) { // a first start: nothing to match
            return null;
        }
        for (PluginRecord.LoadedExtension o : old) {
            if (!taken.contains(o) && o.sameAs(e)) {
                return o;
            }
        }
        List<PluginRecord.LoadedExtension> oldOfType = old.stream().filter(o -> o.type().equals(e.type())).toList();
        long newOfType = all.stream().filter(n -> n.type().equals(e.type())).count();
        if (oldOfType.size() == 1 && newOfType == 1 && !taken.contains(oldOfType.get(0))) {
            return oldOfType.get(0); // the provider class was renamed: still the plugin's one Filter
        }
        return null;
    }
}
