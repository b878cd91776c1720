package com.acme.api;

/** A final value class rebuilt through its static {@code of} factory. */
public final class Tag {
    private final String name;

    private Tag(String name) {
        this.name = name;
    }

    public static Tag of(String name) {
        return new Tag(name);
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tag t && t.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
