package dev.plinth.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of JDK members after a call to which a plugin's calls must keep the thread context class loader
 * (TCCL) switch: those that read the TCCL, directly or inside the JDK ({@code ServiceLoader.load(Class)}, the JAXP,
 * JNDI, scripting and JDBC factories, ...), the one that sets it, those that create threads (a new thread inherits
 * its creator's TCCL, and the unload sweep recognises a plugin's idle threads by it), and those that run code the
 * reachability analysis does not follow (reflection, method handles, service providers, deserialization).
 *
 * <p>Compiled from the JDK's sources (every use of {@code getContextClassLoader} and of the one-argument
 * {@code ServiceLoader.load} in the {@code java.*} modules), erring on the side of the switch: where a class has
 * one such member, every member of it counts ({@link #ANY}); a few packages count whole.
 */
final class ContextLoaderReaders {
    /** Every member of the class. */
    static final String ANY = "*";
    static final String READS = "reads the thread context class loader";
    static final String JDK_READS = "reaches JDK code that reads the thread context class loader";
    static final String SETS = "sets the thread context class loader";
    static final String THREADS = "creates threads, and a thread inherits the context class loader of the"
            + " thread creating it";
    static final String REFLECTION = "runs code by reflection (not followed by the analysis)";
    static final String HANDLES = "calls method handles (whose targets the analysis does not follow)";
    static final String PROVIDERS = "instantiates service providers (whose code the analysis does not follow)";
    static final String DESERIALIZES = "deserializes objects (running code the analysis does not follow)";
    static final String NATIVE = "loads native code (not followed by the analysis)";
    static final String INTERNALS = "is a JDK internal (not covered by the list)";

    private static final Map<String, String> ALL = Map.of(ANY, JDK_READS);
    private static final List<String> FIELD_ACCESS = List.of("get", "getBoolean", "getByte", "getChar", "getShort",
            "getInt", "getLong", "getFloat", "getDouble", "set", "setBoolean", "setByte", "setChar", "setShort",
            "setInt", "setLong", "setFloat", "setDouble");

    private static final Map<String, Map<String, String>> MEMBERS = Map.ofEntries(
            Map.entry("java/lang/Thread", Map.of("getContextClassLoader", READS, "setContextClassLoader", SETS)),
            Map.entry("java/util/ServiceLoader", Map.of("load(Ljava/lang/Class;)Ljava/util/ServiceLoader;", READS,
                    ANY, PROVIDERS)),
            Map.entry("java/util/concurrent/Executors", Map.of("privilegedThreadFactory", READS,
                    "privilegedCallableUsingCurrentClassLoader", READS, "defaultThreadFactory", THREADS)),
            Map.entry("java/lang/Class", Map.of("forName", REFLECTION, "newInstance", REFLECTION)),
            Map.entry("java/lang/reflect/Method", Map.of("invoke", REFLECTION)),
            Map.entry("java/lang/reflect/Constructor", Map.of("newInstance", REFLECTION)),
            Map.entry("java/lang/reflect/Field", fieldAccess()),
            Map.entry("java/lang/reflect/InvocationHandler", Map.of("invokeDefault", REFLECTION)),
            Map.entry("java/lang/System", Map.of("load", NATIVE, "loadLibrary", NATIVE)),
            Map.entry("java/lang/Runtime", Map.of("load", NATIVE, "loadLibrary", NATIVE)),
            Map.entry("java/io/ObjectInputStream", Map.of("readObject", DESERIALIZES, "readUnshared", DESERIALIZES)),
            Map.entry("java/lang/invoke/MethodHandle", Map.of(ANY, HANDLES)),
            Map.entry("java/lang/invoke/MethodHandles", Map.of(ANY, HANDLES)),
            Map.entry("java/lang/invoke/MethodHandles$Lookup", Map.of(ANY, HANDLES)),
            Map.entry("java/lang/invoke/MethodHandleProxies", Map.of(ANY, HANDLES)),
            Map.entry("java/lang/invoke/VarHandle", Map.of(ANY, HANDLES)),
            Map.entry("java/lang/invoke/CallSite", Map.of(ANY, HANDLES)),
            Map.entry("java/lang/invoke/ConstantBootstraps", Map.of(ANY, HANDLES)),
            Map.entry("java/time/chrono/Chronology", Map.of("of", READS, "ofLocale", READS,
                    "getAvailableChronologies", READS)),
            Map.entry("java/net/InetAddress", ALL),
            Map.entry("javax/crypto/SealedObject", ALL),
            Map.entry("javax/security/auth/login/Configuration", ALL),
            Map.entry("javax/security/auth/login/LoginContext", ALL),
            Map.entry("java/util/logging/Logger", ALL),
            Map.entry("java/util/logging/LogManager", ALL),
            Map.entry("java/util/prefs/Preferences", ALL),
            Map.entry("java/sql/DriverManager", ALL),
            Map.entry("javax/sql/rowset/RowSetProvider", ALL),
            Map.entry("javax/sql/rowset/spi/SyncFactory", ALL),
            Map.entry("javax/script/ScriptEngineManager", ALL),
            Map.entry("javax/xml/parsers/DocumentBuilderFactory", ALL),
            Map.entry("javax/xml/parsers/SAXParserFactory", ALL),
            Map.entry("javax/xml/transform/TransformerFactory", ALL),
            Map.entry("javax/xml/xpath/XPathFactory", ALL),
            Map.entry("javax/xml/validation/SchemaFactory", ALL),
            Map.entry("javax/xml/stream/XMLInputFactory", ALL),
            Map.entry("javax/xml/stream/XMLOutputFactory", ALL),
            Map.entry("javax/xml/stream/XMLEventFactory", ALL),
            Map.entry("javax/xml/datatype/DatatypeFactory", ALL),
            Map.entry("org/xml/sax/helpers/XMLReaderFactory", ALL),
            Map.entry("org/w3c/dom/bootstrap/DOMImplementationRegistry", ALL),
            Map.entry("javax/management/MBeanServerFactory", ALL),
            Map.entry("javax/management/modelmbean/DescriptorSupport", ALL),
            Map.entry("javax/management/remote/JMXConnectorFactory", ALL),
            Map.entry("javax/management/remote/JMXConnectorServerFactory", ALL),
            Map.entry("javax/management/remote/rmi/RMIConnector", ALL),
            Map.entry("javax/management/remote/rmi/RMIConnectorServer", ALL));

    /** Packages (with their subpackages) every member of which counts, as {@code internal/name/}. */
    private static final Map<String, String> PACKAGES = Map.of("javax/naming/", JDK_READS, "java/rmi/", JDK_READS,
            "java/beans/", JDK_READS, "javax/imageio/", JDK_READS, "javax/print/", JDK_READS, "javax/swing/",
            JDK_READS, "java/awt/", JDK_READS, "javax/xml/crypto/", JDK_READS, "sun/", INTERNALS, "com/sun/",
            INTERNALS);

    private ContextLoaderReaders() {
    }

    /**
     * Why a call to a JDK member makes the plugin keep the switch, e.g. {@code reads the thread context class
     * loader}; empty for a member that neither reads nor sets it, creates no thread and runs no unseen code.
     *
     * <p>A member is listed by name, by name and descriptor where its overloads differ, or as {@link #ANY}.
     *
     * @param owner      internal name of the class that declares the member
     * @param name       the member's name, {@code <init>} for a constructor
     * @param descriptor the member's descriptor
     */
    static Optional<String> reason(String owner, String name, String descriptor) {
        Map<String, String> members = MEMBERS.get(owner);
        if (members != null) {
            String why = members.get(name + descriptor);
            why = why != null ? why : members.getOrDefault(name, members.get(ANY));
            if (why != null) {
                return Optional.of(why);
            }
        }
        for (Map.Entry<String, String> p : PACKAGES.entrySet()) {
            if (owner.startsWith(p.getKey())) {
                return Optional.of(p.getValue());
            }
        }
        if (CallSinks.createsThreads(owner, name)) {
            return Optional.of(THREADS);
        }
        return Optional.empty();
    }

    /** The listed members by owner, for tests that hold the list against the JDK. */
    static Map<String, Map<String, String>> members() {
        return MEMBERS;
    }

    /** The listed packages, for tests that hold the list against the JDK. */
    static Set<String> packages() {
        return PACKAGES.keySet();
    }

    private static Map<String, String> fieldAccess() {
        Map<String, String> access = new java.util.HashMap<>();
        FIELD_ACCESS.forEach(n -> access.put(n, REFLECTION));
        return Map.copyOf(access);
    }
}
