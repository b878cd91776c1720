package com.acme.core;

public final class Greeting {
    private Greeting() {
    }

    public static String hello(String s) {
        return "hello " + s;
    }
}
