package com.acme.lib;

import java.util.function.BooleanSupplier;

/** A host-side condition a test plugin waits for; not a shared package, so plugins see the host's copy. */
public final class Gate {
    public static volatile BooleanSupplier open = () -> true;

    private Gate() {
    }
}
