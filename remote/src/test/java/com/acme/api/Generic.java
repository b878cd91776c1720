package com.acme.api;

import java.util.List;

/** An extension interface whose collection holds a type that cannot cross. */
public interface Generic {
    List<Thread> threads();
}
