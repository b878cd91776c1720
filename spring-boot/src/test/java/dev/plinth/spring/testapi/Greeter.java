package dev.plinth.spring.testapi;

/** The test host's API: what the test plugins implement. */
public interface Greeter {

    /** A greeting for {@code name}. */
    String greet(String name);
}
