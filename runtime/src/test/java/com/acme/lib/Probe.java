package com.acme.lib;

import java.lang.ref.WeakReference;

/** Where a test plugin leaves a weak reference to its own class loader, so a test can watch it be collected. */
public final class Probe {
    public static volatile WeakReference<ClassLoader> loader;

    private Probe() {
    }
}
