package dev.plinth.spring;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The extensions of one type that the started plugins provide, as they are at each call: inject
 * {@code Extensions<Filter>} once, and it reflects plugins added, reloaded and unloaded since, without restarting the
 * context. Ordered by {@code @Extension(ordinal)} (lower first), then plugin id. Each element is a handle that calls
 * the plugin's current generation; keep the handles for one request, not longer.
 *
 * @param <T> the extension interface, a type of the host API
 */
public interface Extensions<T> extends Iterable<T> {

    /** The extension interface. */
    Class<T> type();

    /** The handles of every started plugin's extensions of {@link #type()}, now. */
    List<T> list();

    /** The handles that one plugin provides now; empty if none. */
    List<T> of(String pluginId);

    /** {@link #list()} as a stream. */
    default Stream<T> stream() {
        return list().stream();
    }

    /** Iterates over {@link #list()}. */
    @Override
    default Iterator<T> iterator() {
        return list().iterator();
    }
}
