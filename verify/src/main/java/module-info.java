/** Bytecode analysis of plugin jars: jars and a host description in, findings out. */
module dev.plinth.verify {
    requires org.objectweb.asm;
    exports dev.plinth.verify;
}
