package dev.plinth.runtime;

import dev.plinth.runtime.internal.CallTarget;
import dev.plinth.runtime.internal.ExtensionSlot;
import dev.plinth.runtime.internal.HandleFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a loaded generation of a plugin into service: each extension goes into a slot, reusing the previous
 * generation's slot for the same interface and provider (or the only one of that interface), so handles the host
 * already holds follow the new generation. Returns the previous generations' targets, closed, to be drained.
 */
final class Activation {
    private Activation() {
    }

    static List<CallTarget> activate(PluginRecord next, PluginRecord previous) {
        List<PluginRecord.LoadedExtension> old = previous == null ? List.of() : previous.extensions;
        List<PluginRecord.LoadedExtension> reused = new ArrayList<>();
        List<PluginRecord.LoadedExtension> activated = new ArrayList<>();
        List<CallTarget> retired = new ArrayList<>();
        for (PluginRecord.LoadedExtension e : next.extensions) {
            PluginRecord.LoadedExtension match = match(e, old, next.extensions, reused);
            ExtensionSlot slot = match != null ? match.slot() : new ExtensionSlot(next.id(), e.type().getName());
            Object handle = match != null ? match.handle() : HandleFactory.create(e.type(), slot);
            if (match != null) {
                reused.add(match);
            }
            CallTarget replaced = slot.install(e.instance(), next.callLoader);
            if (replaced != null) {
                retired.add(replaced);
            }
            activated.add(e.activated(slot, handle));
        }
        for (PluginRecord.LoadedExtension gone : old) {
            if (!reused.contains(gone)) {
                CallTarget t = gone.slot().retire("plugin " + next.id() + " was reloaded without " + gone.provider());
                if (t != null) {
                    retired.add(t);
                }
            }
        }
        next.extensions = List.copyOf(activated);
        return retired;
    }

    private static PluginRecord.LoadedExtension match(PluginRecord.LoadedExtension e,
                                                      List<PluginRecord.LoadedExtension> old,
                                                      List<PluginRecord.LoadedExtension> all,
                                                      List<PluginRecord.LoadedExtension> taken) {
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
