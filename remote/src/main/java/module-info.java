/** Out-of-process plugins: each plugin jar runs in a child JVM and is called through the host's interfaces. */
module dev.plinth.remote {
    requires transitive dev.plinth.runtime;
    requires org.objectweb.asm; // only to find its jar for the child's class path
    requires org.slf4j;
    exports dev.plinth.remote;
}
