/**
 * Out-of-process plugins: {@link dev.plinth.remote.RemotePlugin} runs one plugin jar in a child JVM and hands the
 * host proxies of its own extension interfaces.
 *
 * <h2>What crosses the boundary</h2>
 * The signature is the schema: values are written and read against the declared parameter and return types, and a
 * receiver builds only the classes those types name. Every parameter and return type must be one of:
 * <ul>
 *   <li>{@code null} (for any reference type);</li>
 *   <li>the primitives and their boxes ({@code boolean byte short char int long float double}), and {@code void}
 *       as a return type;</li>
 *   <li>{@code String}, and arrays of supported types;</li>
 *   <li>enums, sent by constant name;</li>
 *   <li>public records whose components are supported, rebuilt through the canonical constructor;</li>
 *   <li>value classes: public final classes that extend {@code Object} and whose instance fields (private ones
 *       included, {@code transient} ones left out) are supported, sent by field and rebuilt without running a
 *       constructor;</li>
 *   <li>{@code List}, {@code Set}, {@code Map} and {@code Optional} parameterised with supported types; they arrive
 *       as {@code ArrayList}, {@code LinkedHashSet}, {@code LinkedHashMap} (iteration order kept, null allowed) and
 *       {@code Optional};</li>
 *   <li>{@code java.time} values, {@code BigDecimal}, {@code BigInteger} and {@code UUID}.</li>
 * </ul>
 * Everything else (interfaces, abstract or non-final classes, raw or wildcard collections, type variables,
 * {@code Object}, JDK classes without a codec) is refused before any call: at {@code launch} for the interfaces the
 * plugin declares services for, at {@code extensions} for the type asked for. The message names the method, the
 * type, the member at fault and the reason, e.g. {@code com.acme.api.Filter.apply(java.io.InputStream): parameter
 * type java.io.InputStream cannot cross a process boundary: java.io.InputStream is abstract, ...}. Enum, record and
 * value classes must be in the host API, visible to both sides. No Java serialization is used anywhere.
 *
 * <h2>Faults</h2>
 * A call time-out, {@code System.exit}, an {@code OutOfMemoryError} (the child runs with {@code -Xmx64m} and
 * {@code -XX:+ExitOnOutOfMemoryError}), a killed child or a reply that breaks the protocol (malformed, over a limit
 * of {@code Limits}, or not of the declared return type) fail only the calls in flight with a
 * {@link dev.plinth.remote.RemoteFaultException}; the child restarts with exponential back-off.
 */
package dev.plinth.remote;
