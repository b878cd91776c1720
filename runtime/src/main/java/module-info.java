/** The Plinth host library: load plugin jars into isolated class loaders and call them through host interfaces. */
module dev.plinth.runtime {
    requires transitive dev.plinth.api;
    requires transitive dev.plinth.verify;
    requires java.management;
    requires jdk.management;
    requires jdk.jfr;
    requires static java.sql;
    requires org.objectweb.asm;
    requires org.slf4j;
    exports dev.plinth.runtime;
    exports dev.plinth.runtime.spi;
    uses dev.plinth.runtime.spi.ProcessLauncher;
}
