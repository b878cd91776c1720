/** Runs a plugin's own tests inside a real Plinth host. */
module dev.plinth.testkit {
    requires transitive dev.plinth.runtime;
    requires transitive org.junit.jupiter.api;
    requires java.xml;
    exports dev.plinth.testkit;
}
