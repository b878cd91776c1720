/**
 * Out-of-process plugins: {@link dev.plinth.remote.RemotePlugin} runs one plugin jar in a child JVM and hands the
 * host proxies of its own extension interfaces.
 *
 * <h2>What crosses the boundary</h2>
 * Every parameter and return type of an extension interface's methods must be one of:
 * <ul>
 *   <li>{@code null} (for any reference type);</li>
 *   <li>the primitives and their boxes ({@code boolean byte short char int long float double}), and {@code void}
 *       as a return type;</li>
 *   <li>{@code String} and {@code byte[]};</li>
 *   <li>enums, sent by constant name;</li>
 *   <li>public records whose components are supported, rebuilt through the canonical constructor;</li>
 *   <li>{@code List}, {@code Set}, {@code Map} and {@code Optional} parameterised with supported types; they arrive
 *       as {@code ArrayList}, {@code LinkedHashSet}, {@code LinkedHashMap} (iteration order kept, null allowed) and
 *       {@code Optional};</li>
 *   <li>public final classes with a public constructor or {@code public static of} factory whose parameters each
 *       match one public getter of the same type ({@code x()}, {@code getX()} or {@code isX()}, matched by name
 *       when compiled with {@code -parameters}, else by being the only getter of that type).</li>
 * </ul>
 * Everything else (interfaces, abstract or non-final classes, raw or wildcard collections, type variables, other
 * arrays, {@code Object}) is refused before any call: at {@code launch} for the interfaces the plugin declares
 * services for, at {@code extensions} for the type asked for. The message names the method and the type, e.g.
 * {@code com.acme.api.Filter.apply(java.io.InputStream): parameter type java.io.InputStream cannot cross a process
 * boundary (supported: ...)}. Enum, record and value classes must be in the host API, visible to both sides. No
 * Java serialization is used anywhere.
 *
 * <h2>Faults</h2>
 * A call time-out, {@code System.exit}, an {@code OutOfMemoryError} (the child runs with {@code -Xmx64m} and
 * {@code -XX:+ExitOnOutOfMemoryError}) or a killed child fail only the calls in flight with a
 * {@link dev.plinth.remote.RemoteFaultException}; the child restarts with exponential back-off.
 */
package dev.plinth.remote;
