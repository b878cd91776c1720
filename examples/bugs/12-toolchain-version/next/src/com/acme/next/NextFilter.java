package com.acme.next;

import com.acme.api.Filter;

/**
 * Built by a CI image with a newer JDK than production runs. Only JDK 17 is sure to be installed here, so the
 * gallery compiles this for 17 and then sets the class file's major version to one past the running JVM's, which is
 * exactly the byte a newer javac would have written.
 */
public final class NextFilter implements Filter {
    @Override
    public String apply(String text) {
        return text.repeat(2);
    }
}
