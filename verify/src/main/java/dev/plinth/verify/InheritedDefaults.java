package dev.plinth.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host code a handle runs without the plugin's code calling it: a default method of an extension interface (or of
 * one it extends) that the plugin's provider does not override. The JDK's interfaces do not count, nor
 * {@code dev.plinth.api.Plugin}, whose methods only the lifecycle calls, always with the plugin's loader.
 */
final class InheritedDefaults {
    private static final String PLUGIN = "dev/plinth/api/Plugin";

    private InheritedDefaults() {
    }

    /** The first provider that inherits a default method of the host, as {@code provider: inherits ...}. */
    static Optional<String> first(ClassSpace space) {
        Linker linker = new Linker(space);
        for (Map.Entry<String, List<PluginArchive.ServiceEntry>> e : space.archive().services().entrySet()) {
            String service = e.getKey().replace('.', '/');
            HostClasses.Found found = space.find(service);
            if (!space.host().isShared(e.getKey()) || service.equals(PLUGIN) || found.model() == null) {
                continue;
            }
            List<HostClasses.Found> interfaces = new ArrayList<>(List.of(found));
            interfaces.addAll(linker.superinterfaces(found, new Linker.Walk()));
            for (HostClasses.Found i : interfaces) {
                if (i.origin() == HostClasses.Origin.PLUGIN || space.isJdk(i.model().name())) {
                    continue;
                }
                for (ClassModel.Member m : i.model().methods().values()) {
                    if (m.is(ClassModel.ABSTRACT) || m.is(ClassModel.STATIC) || m.is(ClassModel.PRIVATE)
                            || m.name().startsWith("<")) {
                        continue;
                    }
                    for (PluginArchive.ServiceEntry p : e.getValue()) {
                        String provider = p.provider().replace('.', '/');
                        if (space.pluginClasses().containsKey(provider) && !overrides(space, linker, provider, m)) {
                            return Optional.of(Names.binary(provider) + ": inherits " + Names.method(m.owner(),
                                    m.name(), m.descriptor()) + ", a default method of the host, whose code the"
                                    + " analysis does not follow");
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a plugin class, a plugin superclass or a plugin interface of it implements the method. */
    private static boolean overrides(ClassSpace space, Linker linker, String provider, ClassModel.Member m) {
        HostClasses.Found self = space.find(provider);
        Linker.Walk walk = new Linker.Walk();
        List<HostClasses.Found> types = new ArrayList<>();
        for (HostClasses.Found k = self; k != null && k.origin() == HostClasses.Origin.PLUGIN;
             k = linker.superclass(k, walk)) {
            types.add(k);
        }
        linker.superinterfaces(self, walk).stream().filter(i -> i.origin() == HostClasses.Origin.PLUGIN)
                .forEach(types::add);
        return types.stream().anyMatch(t -> t.model().method(m.name(), m.descriptor())
                .filter(own -> !own.is(ClassModel.ABSTRACT) && !own.is(ClassModel.STATIC)).isPresent());
    }
}
